package io.switchboard.httpd;

/**
 * One registered root handler as {@code httpd_list_root_path} lists it.
 *
 * @param root the root path segment, or {@link RootHandler#FALLBACK}
 * @param module the module name ({@link RootHandler#MODULE}, default the bundle's symbolic name)
 * @param bundle the symbolic name of the registering bundle
 * @param bundleId the id of the registering bundle
 * @param serviceId the handler's {@code service.id}
 * @param ranking the handler's {@code service.ranking}
 * @param serving {@code true} when this handler serves the root, {@code false} when it waits behind
 *        a better-ranked one
 */
public record RootPath(String root, String module, String bundle, long bundleId, long serviceId, int ranking,
        boolean serving) {
}
