package io.switchboard.itest.rest;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.switchboard.rest.RestClient;

/** A bundle's component holding the REST client as a user's bundle would: a dynamic, greedy reference. */
@Component(service = RestClientHolder.class)
public final class RestClientHolder {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RestClient rest;

    /** @return the REST client held now; {@code null} while none is registered */
    RestClient rest() {
        return rest;
    }
}
