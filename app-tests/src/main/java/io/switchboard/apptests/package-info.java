/**
 * Handlers the black-box tests deploy into the runnable container: a long download, a response that
 * never ends, an xhttp event answered late, and a root whose requests a test counts. Private to the
 * tests; not an example to follow.
 */
package io.switchboard.apptests;
