/**
 * Handlers the black-box tests deploy into the runnable container: a long download, a response that
 * never ends, and an xhttp event answered late. Private to the tests; not an example to follow.
 */
package io.switchboard.apptests;
