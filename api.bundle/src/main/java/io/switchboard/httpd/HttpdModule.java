package io.switchboard.httpd;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.CLASS;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Names the module {@code httpd_list_root_path} shows for a root handler: {@code @HttpdModule("mi_http")}
 * sets the service property {@value RootHandler#MODULE}{@code =mi_http}.
 */
@ComponentPropertyType
@Retention(CLASS)
@Target(TYPE)
public @interface HttpdModule {
    /** @return the module name */
    String value();
}
