package io.switchboard.rest.internal;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.switchboard.mi.MiCommand;
import io.switchboard.mi.MiCommandSpec;
import io.switchboard.mi.MiParams;
import io.switchboard.rest.RestClient;

/** The MI command {@code rest_put} (admin only: it makes the container send requests). */
@Component
@MiCommandSpec(command = "rest:put", alias = "rest_put",
        description = "PUTs a body to a URL with the REST client and shows the return code, status, content type and body",
        params = { RestMiResult.URL, RestMiResult.BODY }, params_optional = RestMiResult.CONTENT_TYPE, admin = true)
public final class RestPutMiCommand implements MiCommand {
    private final HeldRestClient rest;

    @Activate
    public RestPutMiCommand(@Reference(service = RestClient.class) ComponentServiceObjects<RestClient> rest) {
        this.rest = new HeldRestClient(rest);
    }

    @Deactivate
    void deactivate() {
        rest.release();
    }

    @Override
    public Object execute(MiParams params) throws Exception {
        return RestMiResult.send(rest.get(), "PUT", params);
    }
}
