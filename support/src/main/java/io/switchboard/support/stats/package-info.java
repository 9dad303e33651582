/** Statistics helpers the provider bundles copy in privately; not an API. */
package io.switchboard.support.stats;
