package io.switchboard.mi;

import java.io.IOException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Writes one JSON value piece by piece, for {@link MiStream} results. Misuse (a name outside an
 * object, an unbalanced end) throws {@link IOException}.
 */
@ProviderType
public interface MiJsonWriter {

    /** @return this writer, inside a new object */
    MiJsonWriter startObject() throws IOException;

    /** @return this writer, after the object just closed */
    MiJsonWriter endObject() throws IOException;

    /** @return this writer, inside a new array */
    MiJsonWriter startArray() throws IOException;

    /** @return this writer, after the array just closed */
    MiJsonWriter endArray() throws IOException;

    /**
     * @param name the name of the next member of the current object
     * @return this writer
     */
    MiJsonWriter name(String name) throws IOException;

    /**
     * Writes a whole value.
     *
     * @param value {@code null}, {@link Boolean}, {@link Number}, {@link CharSequence}, a
     *        {@link java.util.Map}, a {@link java.util.Collection} or an array of such values
     * @return this writer
     */
    MiJsonWriter value(Object value) throws IOException;

    /**
     * Sends what is written so far to the client now.
     *
     * @return this writer
     */
    MiJsonWriter flush() throws IOException;
}
