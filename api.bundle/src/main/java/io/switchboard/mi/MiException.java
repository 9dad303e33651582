package io.switchboard.mi;

/**
 * A command's failure as the client sees it: a JSON-RPC error with a code, a message and optional
 * data. The JSON-RPC 2.0 codes are given as constants; a command may use codes of its own outside
 * -32768 to -32000, as OpenSIPS modules do (for example 400 for a bad parameter value, 404 for
 * something not found).
 */
public class MiException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Invalid JSON was received. */
    public static final int PARSE_ERROR = -32700;
    /** The JSON sent is not a valid request object. */
    public static final int INVALID_REQUEST = -32600;
    /** The method does not exist. */
    public static final int METHOD_NOT_FOUND = -32601;
    /** Invalid method parameters. */
    public static final int INVALID_PARAMS = -32602;
    /** Internal error. */
    public static final int INTERNAL_ERROR = -32603;
    /** The caller lacks the role the command needs (a server error in JSON-RPC's reserved range). */
    public static final int FORBIDDEN = -32001;

    private final int code;
    private final transient Object data;

    /**
     * @param code the error code
     * @param message a short description
     */
    public MiException(int code, String message) {
        this(code, message, null);
    }

    /**
     * @param code the error code
     * @param message a short description
     * @param data details as a JSON tree (see {@link MiCommand#execute}), or {@code null}
     */
    public MiException(int code, String message, Object data) {
        super(message);
        this.code = code;
        this.data = data;
    }

    /**
     * @param detail what is wrong with the parameters, sent as {@code data}
     * @return an "Invalid params" error
     */
    public static MiException invalidParams(String detail) {
        return new MiException(INVALID_PARAMS, "Invalid params", detail);
    }

    /** @return the error code */
    public int code() {
        return code;
    }

    /** @return the details, or {@code null} */
    public Object data() {
        return data;
    }
}
