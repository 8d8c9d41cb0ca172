package io.centrabff.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Registered customers, in memory. A customer's cart is a selection of their own (§3.5): login points the session's
 * token at it, so the cart follows the customer to every browser they sign in from. Lock order: a selection's
 * monitor before a customer's, never the other way round.
 */
final class SandboxCustomers {

    /** Where the plugin's reset e-mails link to (a plugin setting in Centra); {@code linkUri} is appended. */
    static final String RESET_LINK_BASE = "http://localhost:3000/";

    record ResetLink(String link, String i, String id) {}

    static final class Customer {
        final String id;
        String email;
        volatile PasswordHash password;
        final ObjectNode details = JsonNodeFactory.instance.objectNode();
        final ObjectNode address = JsonNodeFactory.instance.objectNode();
        SandboxSelection saved;
        final List<SandboxSelection> selections = new ArrayList<>();
        ResetLink resetLink;

        Customer(String id, String email, PasswordHash password) {
            this.id = id;
            this.email = email;
            this.password = password;
        }
    }

    private final Map<String, Customer> byEmail = new ConcurrentHashMap<>();
    private final Map<String, Customer> bySelection = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger(5000);

    /** Creates a customer whose cart is {@code selection}; 409 when the address is taken. */
    Customer register(String email, String password, SandboxSelection selection) {
        Customer customer = new Customer(Integer.toString(ids.incrementAndGet()), email, PasswordHash.of(password));
        if (byEmail.putIfAbsent(key(email), customer) != null) {
            throw SandboxError.of(409, "email", "already registered");
        }
        own(customer, selection);
        return customer;
    }

    /** Wrong password and unknown address answer alike, in the same time (§2: by design). */
    Customer authenticate(String email, String password) {
        Customer customer = email == null ? null : byEmail.get(key(email));
        PasswordHash hash = customer == null ? PasswordHash.DUMMY : customer.password;
        if (!hash.matches(password) || customer == null) {
            throw SandboxError.notAcceptable("password", "incorrect");
        }
        return customer;
    }

    Optional<Customer> byEmail(String email) {
        return Optional.ofNullable(byEmail.get(key(email)));
    }

    Optional<Customer> of(SandboxSelection selection) {
        return Optional.ofNullable(bySelection.get(selection.id));
    }

    /** The customer's cart after login: their saved one, or (none yet, or it became an order) the shopper's. */
    SandboxSelection cartOnLogin(Customer customer, SandboxSelection current) {
        synchronized (customer) {
            if (customer.saved != null && !customer.saved.completed()) {
                return customer.saved;
            }
        }
        SandboxSelection cart = current.completed() || of(current).isPresent() ? emptyLike(current) : current;
        own(customer, cart);
        return cart;
    }

    void changeEmail(Customer customer, String newEmail) {
        synchronized (customer) {
            if (key(newEmail).equals(key(customer.email))) {
                customer.email = newEmail;
                return;
            }
            if (byEmail.putIfAbsent(key(newEmail), customer) != null) {
                throw SandboxError.of(409, "email", "already registered");
            }
            byEmail.remove(key(customer.email));
            customer.email = newEmail;
        }
    }

    /** Stores the link Centra would e-mail; unknown addresses get nothing, and no different answer. */
    void requestReset(String email, String linkUri) {
        byEmail(email).ifPresent(customer -> {
            String secret = SandboxSelection.randomHex(20);
            String link = RESET_LINK_BASE + linkUri.replaceFirst("^/+", "") + "?i=" + customer.id + "&id=" + secret;
            synchronized (customer) {
                customer.resetLink = new ResetLink(link, customer.id, secret);
            }
        });
    }

    /** Checks {@code i}/{@code id} from the link, sets the new password and uses the link up. */
    Customer completeReset(String i, String id, String newPassword) {
        Customer customer = byEmail.values().stream()
                .filter(c -> c.id.equals(i))
                .findFirst()
                .orElseThrow(() -> SandboxError.notAcceptable("id", "not valid"));
        synchronized (customer) {
            ResetLink link = customer.resetLink;
            if (link == null
                    || id == null
                    || !MessageDigest.isEqual(
                            link.id().getBytes(StandardCharsets.UTF_8), id.getBytes(StandardCharsets.UTF_8))) {
                throw SandboxError.notAcceptable("id", "not valid");
            }
            customer.password = PasswordHash.of(newPassword);
            customer.resetLink = null;
        }
        return customer;
    }

    /** Centra's {@code loggedIn} (§5) for a selection that belongs to a customer. */
    Optional<ObjectNode> loggedIn(SandboxSelection selection) {
        return of(selection).map(customer -> {
            synchronized (customer) {
                // Flat, as documented (user-accounts "Overview", "POST orders").
                ObjectNode address = SelectionJson.address(customer.address, selection.country);
                ObjectNode node = JsonNodeFactory.instance.objectNode();
                node.put("email", customer.email);
                node.put(
                        "firstName",
                        customer.details
                                .path("firstName")
                                .asText(address.path("firstName").asText("")));
                node.put(
                        "lastName",
                        customer.details
                                .path("lastName")
                                .asText(address.path("lastName").asText("")));
                for (String field :
                        List.of("address1", "address2", "zipCode", "city", "state", "country", "phoneNumber")) {
                    node.put(field, address.path(field).asText(""));
                }
                return node;
            }
        });
    }

    List<ObjectNode> orders(Customer customer) {
        synchronized (customer) {
            return customer.selections.stream()
                    .filter(SandboxSelection::completed)
                    .map(selection -> selection.order)
                    .toList();
        }
    }

    void clear() {
        byEmail.clear();
        bySelection.clear();
    }

    static boolean validEmail(String email) {
        return email != null && email.length() <= 254 && email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    }

    /** The sandbox's password rule; Centra answers a weak one with 406 {@code not valid} (§2). */
    static boolean strongEnough(String password) {
        return password != null && password.length() >= 8;
    }

    /** A new, empty selection in the same country, market, pricelist and language. */
    static SandboxSelection emptyLike(SandboxSelection selection) {
        SandboxSelection fresh = new SandboxSelection();
        fresh.country = selection.country;
        fresh.state = selection.state;
        fresh.market = selection.market;
        fresh.pricelist = selection.pricelist;
        fresh.language = selection.language;
        return fresh;
    }

    private void own(Customer customer, SandboxSelection selection) {
        synchronized (customer) {
            customer.saved = selection;
            customer.selections.add(selection);
        }
        bySelection.put(selection.id, customer);
    }

    private static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
