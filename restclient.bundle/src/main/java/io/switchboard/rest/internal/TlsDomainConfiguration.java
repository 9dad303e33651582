package io.switchboard.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/*
 * One factory configuration per TLS client domain; a double underscore is one underscore in the key. Its
 * keys are shown, from here, in the runnable jar's commented etc/switchboard.rest_client.cfg.
 */
@ObjectClassDefinition(id = TlsDomain.FACTORY_PID, name = "Switchboard rest_client TLS client domain",
        description = "A named TLS client domain (rest_init_client_tls): the client certificate to present (a "
                + "PKCS12 keystore, or PEM files), the CAs to trust and the verification flags, for the requests "
                + "that select it: rest.request(\"GET\", url).tlsDomain(\"billing\") selects the domain named "
                + "billing.")
@interface TlsDomainConfiguration {

    @AttributeDefinition(name = "name", description = "The name requests select the domain by (letters, digits, . _ -).")
    String name();

    @AttributeDefinition(name = "keystore", required = false,
            description = "PKCS12 keystore with the client certificate and its key; or use certificate and private_key.")
    String keystore() default "";

    @AttributeDefinition(name = "keystore_password", type = AttributeType.PASSWORD, required = false,
            description = "Password of the keystore and of its key.")
    String keystore__password() default "";

    @AttributeDefinition(name = "certificate", required = false,
            description = "PEM file with the client certificate (then its chain); with private_key.")
    String certificate() default "";

    @AttributeDefinition(name = "private_key", required = false,
            description = "PEM file with the certificate's unencrypted PKCS#8 key (BEGIN PRIVATE KEY).")
    String private__key() default "";

    @AttributeDefinition(name = "ca_list", required = false,
            description = "PEM file, or folder of PEM files, of CA certificates trusted besides the JDK's own.")
    String ca__list() default "";

    @AttributeDefinition(name = "ssl_verifypeer", description = "1: verify the server's certificate chain; 0: do not.")
    int ssl__verifypeer() default 1;

    @AttributeDefinition(name = "ssl_verifyhost",
            description = "1: the server's certificate must name the host of the URL; 0: any name is accepted.")
    int ssl__verifyhost() default 1;
}
