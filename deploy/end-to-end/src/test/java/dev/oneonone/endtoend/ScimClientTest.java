package dev.oneonone.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.jnh.connector.JavaNetHttpConnectorProvider;

import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.Manager;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.UserResource;

import dev.oneonone.local.SuiteService;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * SCIM 2.0 provisioning as an identity provider does it, through a third-party client: UnboundID's SCIM 2 SDK
 * ({@code ScimService}, on Jersey's JAX-RS client) against the packaged meetings-service. Discovery, create, find by
 * userName, replace with If-Match, a stale If-Match refused, PATCH active false (the person becomes a leaver), delete.
 */
@ExtendWith(RunningSuite.Shared.class)
class ScimClientTest {
    private static final String ORGANISATION = "e2e-scim";

    private static SuiteClient suite;
    private static Client jaxrs;
    private static ScimService scim;

    @BeforeAll
    static void connect(RunningSuite running) {
        suite = running.client(ORGANISATION);
        String token = suite.integrationToken();
        // Java's HttpClient as the connector: Jersey's default (HttpURLConnection) cannot send PATCH
        jaxrs = ClientBuilder.newClient(new ClientConfig().connectorProvider(new JavaNetHttpConnectorProvider()))
                .register((jakarta.ws.rs.client.ClientRequestFilter) request -> request.getHeaders()
                        .putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token));
        scim = new ScimService(jaxrs.target(suite.url(SuiteService.MEETINGS)).path("scim/v2"));
    }

    @AfterAll
    static void close() {
        if (jaxrs != null) {
            jaxrs.close();
        }
    }

    @Test
    void theServiceDescribesWhatItSupports() throws ScimException {
        ServiceProviderConfigResource config = scim.getServiceProviderConfig();
        assertTrue(config.getPatch().isSupported());
        assertTrue(config.getFilter().isSupported());
        assertTrue(config.getEtag().isSupported());
        assertFalse(config.getBulk().isSupported());
        assertFalse(config.getSort().isSupported());
        assertFalse(config.getChangePassword().isSupported());

        ListResponse<ResourceTypeResource> types = scim.getResourceTypes();
        assertEquals(1, types.getTotalResults());
        assertEquals("/Users", types.getResources().get(0).getEndpoint().toString());
        ListResponse<SchemaResource> schemas = scim.getSchemas();
        assertEquals(List.of("urn:ietf:params:scim:schemas:core:2.0:User",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                "urn:oneonone:params:scim:schemas:extension:team:2.0:User"),
                schemas.getResources().stream().map(SchemaResource::getId).toList());
    }

    @Test
    void anIdentityProviderProvisionsChangesDeactivatesAndDeletesAUser() throws Exception {
        UserResource manager = scim.create("Users", user("dana." + suffix() + "@acme.example", "Dana Director", null));
        String userName = "rey." + suffix() + "@acme.example";

        // create, with the enterprise extension
        UserResource created = scim.create("Users", user(userName, "Rey Report", manager.getId()));
        assertNotEquals(null, created.getId());
        assertEquals("W/\"1\"", created.getMeta().getVersion());
        assertEquals(Boolean.TRUE, created.getActive());
        EnterpriseUserExtension enterprise = created.getExtension(EnterpriseUserExtension.class);
        assertEquals("ENG", enterprise.getDepartment());
        assertEquals(manager.getId(), enterprise.getManager().getValue());

        // the identity provider looks the user up by userName, as Okta and Entra do before they create
        ListResponse<UserResource> found = scim.searchRequest("Users")
                .filter(Filter.eq("userName", userName.toUpperCase()).toString()).invoke(UserResource.class);
        assertEquals(1, found.getTotalResults());
        assertEquals(created.getId(), found.getResources().get(0).getId());

        // replace at the version read; the same version again is stale
        UserResource read = scim.retrieve("Users", created.getId(), UserResource.class);
        read.setDisplayName("Rey Renamed");
        UserResource replaced = scim.replaceRequest(read).ifMatch().invoke();
        assertEquals("Rey Renamed", replaced.getDisplayName());
        assertNotEquals(read.getMeta().getVersion(), replaced.getMeta().getVersion());
        read.setDisplayName("Stale Write");
        assertThrows(PreconditionFailedException.class, () -> scim.replaceRequest(read).ifMatch().invoke());

        // a second user with the same userName (any case) is refused
        assertThrows(ResourceConflictException.class,
                () -> scim.create("Users", user(userName.toUpperCase(), "Copy Cat", null)));
        // a filter the service does not support is refused, not ignored
        assertThrows(BadRequestException.class,
                () -> scim.searchRequest("Users").filter("displayName co \"Rey\"").invoke(UserResource.class));

        // deactivation (a leaver): the directory records the end of employment today
        UserResource deactivated = scim.modifyRequest("Users", created.getId()).replaceValue("active", false)
                .invoke(UserResource.class);
        assertEquals(Boolean.FALSE, deactivated.getActive());
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertEquals(today, suite.getPerson(UUID.fromString(created.getId())).then().statusCode(200).extract().path("lastDay"));

        // delete: gone for SCIM, still in the directory as a leaver
        scim.delete("Users", created.getId());
        assertThrows(ResourceNotFoundException.class, () -> scim.retrieve("Users", created.getId(), UserResource.class));
        assertEquals(0, scim.searchRequest("Users").filter(Filter.eq("userName", userName).toString())
                .invoke(UserResource.class).getTotalResults());
        assertEquals(today, suite.getPerson(UUID.fromString(created.getId())).then().statusCode(200).extract().path("lastDay"),
                "the person stays in the directory, a leaver from tomorrow");
    }

    private static UserResource user(String userName, String name, String managerId) {
        UserResource user = new UserResource().setUserName(userName).setDisplayName(name).setActive(true)
                .setEmails(List.of(new Email().setValue(userName).setType("work").setPrimary(true)));
        user.setExternalId("okta-" + userName);
        EnterpriseUserExtension enterprise = new EnterpriseUserExtension().setDepartment("ENG");
        if (managerId != null) {
            enterprise.setManager(new Manager().setValue(managerId));
        }
        user.setExtension(enterprise);
        return user;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
