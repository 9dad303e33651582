/**
 * The statistics view of the MI web page: a sampler that keeps the last samples of httpd's and the
 * REST client's statistics in fixed-size rings, and charts of them drawn as inline SVG on the server
 * (no script). Private to the bundle.
 */
package io.switchboard.mihttp.charts;
