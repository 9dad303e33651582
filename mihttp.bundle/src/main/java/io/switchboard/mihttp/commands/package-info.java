/**
 * The MI commands mihttp brings: OpenSIPS core's generic ones (which, help, version, uptime, ps,
 * log_level, statistics) and the container's management (bundles and configurations). Each is a DS
 * component registered as an {@link io.switchboard.mi.MiCommand}; beside them, the statistics group
 * {@code core} ({@link io.switchboard.mihttp.commands.CoreStatistics}). Private to the bundle.
 */
package io.switchboard.mihttp.commands;
