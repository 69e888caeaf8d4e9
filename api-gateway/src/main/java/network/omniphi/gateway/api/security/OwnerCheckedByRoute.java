package network.omniphi.gateway.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a resource method with an {@code {id}} path parameter: the method reads the setup's row anyway and checks its
 * owner itself with {@link Ownership#requireOwner(String, String)}, so {@link AccessFilter} skips its own lookup of
 * the setup's wallet (one database round trip less). The token is still required and verified by the filter.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OwnerCheckedByRoute {
}
