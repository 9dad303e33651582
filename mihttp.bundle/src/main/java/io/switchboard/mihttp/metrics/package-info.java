/**
 * The Prometheus endpoint (OpenSIPS prometheus): every statistics group as Prometheus or OpenMetrics text,
 * with the JVM's metrics, under the MI's access rules. The text is written by the Prometheus Java client,
 * embedded in this bundle. Private to the bundle.
 */
package io.switchboard.mihttp.metrics;
