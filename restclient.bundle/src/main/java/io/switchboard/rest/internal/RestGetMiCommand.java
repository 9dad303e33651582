package io.switchboard.rest.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiParams;
import io.switchboard.rest.RestClient;

/** The MI command {@code rest_get} (admin only: it makes the container send requests). */
// Plain properties rather than @MiCommandSpec: that would make the REST client require an MI implementation.
@Component(property = { MiCommand.NAME + "=rest:get", MiCommand.ALIAS + "=rest_get",
        MiCommand.DESCRIPTION
                + "=GETs a URL with the REST client and shows the return code, status, content type and body",
        MiCommand.PARAMS + "=" + RestMiResult.URL,
        MiCommand.ADMIN + ":Boolean=true" })
public final class RestGetMiCommand implements MiCommand {
    private final RestClient rest;

    @Activate
    public RestGetMiCommand(@Reference RestClient rest) {
        this.rest = rest;
    }

    @Override
    public Object execute(MiParams params) throws Exception {
        return RestMiResult.send(rest, "GET", params);
    }
}
