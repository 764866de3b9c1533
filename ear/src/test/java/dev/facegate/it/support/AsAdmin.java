package dev.facegate.it.support;

import dev.facegate.platform.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.concurrent.Callable;

/**
 * In-container tests call boundaries as an administrator the standard Jakarta EE way: through a
 * bean that runs as that role. (A test method itself is an anonymous caller, which is how it checks
 * that the boundaries refuse anonymous callers.) Each call is its own transaction.
 */
@Stateless
@PermitAll
@RunAs(Roles.ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AsAdmin {

  public <T> T call(Callable<T> work) throws Exception {
    return work.call();
  }
}
