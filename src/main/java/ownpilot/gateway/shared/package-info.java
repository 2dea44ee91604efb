/**
 * Shared kernel: the HTTP envelope and error mapping, request ids, paging, ids, the data directory
 * and the declarative record schemas that the CRUD modules build on. Open to every module.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package ownpilot.gateway.shared;

import org.springframework.modulith.ApplicationModule;
