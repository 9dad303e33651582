/** The REST client on an embedded Apache HttpClient 5. Private to the bundle. */
package io.switchboard.rest.internal;
