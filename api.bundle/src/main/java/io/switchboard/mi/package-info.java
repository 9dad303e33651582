/**
 * The Management Interface: commands any bundle publishes as {@link io.switchboard.mi.MiCommand}
 * services, and the statistics groups {@link io.switchboard.mi.MiStatistics} services keep. mihttp
 * serves them over JSON-RPC 2.0, as a web page and as Gogo commands.
 */
@Export
@Version("1.2.0")
package io.switchboard.mi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
