package dev.jsrun.modules;

import dev.jsrun.JsRunException;

/**
 * A module requested of a {@link ModuleSet} resolves to no file of its roots. Tells which
 * {@link #getRequest() request} failed and {@link #getReason() why}, so that a caller
 * with settings of its own can name the entry to fix.
 */
public class UnresolvedModuleException extends JsRunException {

    private final String request;

    private final String reason;

    /**
     * @param request the request as given, such as {@code lodash} or
     * {@code ./lib/rules.js}
     * @param reason why it does not resolve, such as {@code not found}
     */
    public UnresolvedModuleException(String request, String reason) {
        super("module '" + request + "' cannot be resolved from the module roots: " + reason);
        this.request = request;
        this.reason = reason;
    }

    /** The request as given to {@link ModuleSet.Builder#module(String)}. */
    public String getRequest() {
        return this.request;
    }

    /** Why the request resolves to no file, such as {@code not found}. */
    public String getReason() {
        return this.reason;
    }

}
