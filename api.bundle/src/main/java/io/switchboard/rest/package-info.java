/**
 * The REST client (OpenSIPS rest_client): blocking and asynchronous HTTP requests whose failures
 * carry rest_client's return codes.
 */
@Export
@Version("1.2.0")
package io.switchboard.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
