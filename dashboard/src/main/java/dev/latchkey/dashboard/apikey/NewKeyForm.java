package dev.latchkey.dashboard.apikey;

import dev.latchkey.application.port.in.ManageApiKeysUseCase.CreateApiKeyCommand;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.domain.common.FieldError;
import dev.latchkey.domain.common.ValidationException;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The new-key form as entered (every value kept as typed, to show it again with its errors), and its translation to
 * the use case's command. Errors are keyed by the form's field names; {@link #FORM} holds those of no field.
 */
public class NewKeyForm {

    /** The key of an error about the whole form (a plan limit, say). */
    public static final String FORM = "form";
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");
    private static final Pattern INDEXED = Pattern.compile("(\\w+)\\[(\\d+)]");
    private static final Map<String, String> LABELS = Map.of(
            "name", "Name", "type", "Type", "environment", "Environment", "scopes", "Scopes",
            "rateLimit", "Rate limit", "expiresAt", "Expiry", "ipAllowlist", "IP allowlist", "signing", "Signing");

    private String name = "";
    private String environment;
    private String type = KeyType.SECRET.code();
    private List<String> scopes = new ArrayList<>();
    private String customScopes = "";
    private String rateLimit = "";
    private String expiresAt = "";
    private String ipAllowlist = "";
    private boolean signing;

    /** An empty form for the environment of the Live/Test toggle. */
    static NewKeyForm defaults(String environment) {
        NewKeyForm form = new NewKeyForm();
        form.setEnvironment(environment);
        return form;
    }

    /** @throws ValidationException listing every invalid field, by the use case's field names */
    CreateApiKeyCommand command() {
        List<FieldError> errors = new ArrayList<>();
        Integer requestsPerMinute = requestsPerMinute(errors);
        Instant expiry = expiry(errors);
        try {
            CreateApiKeyCommand command = CreateApiKeyCommand.parse(name, type, environment, allScopes(),
                    requestsPerMinute, expiry, ipRanges(), signing);
            if (errors.isEmpty()) {
                return command;
            }
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        throw new ValidationException(errors);
    }

    /** The use case's field errors as sentences next to the form's fields. */
    Map<String, String> messages(List<FieldError> errors) {
        Map<String, String> messages = new LinkedHashMap<>();
        for (FieldError error : errors) {
            String field = error.field();
            String message;
            Matcher indexed = INDEXED.matcher(field);
            if (field.equals("rateLimit.requestsPerMinute")) {
                field = "rateLimit";
                message = sentence(LABELS.get(field), error.message());
            } else if (indexed.matches() && indexed.group(1).equals("scopes")) {
                field = "customScopes";
                message = sentence("Scope '" + allScopes().get(Integer.parseInt(indexed.group(2))) + "'", error.message());
            } else if (indexed.matches() && indexed.group(1).equals("ipAllowlist")) {
                field = "ipAllowlist";
                message = "Line " + ipLineNumbers().get(Integer.parseInt(indexed.group(2))) + ": "
                        + sentence(null, error.message());
            } else if (LABELS.containsKey(field)) {
                message = sentence(LABELS.get(field), error.message());
            } else {
                message = sentence(null, field + " " + error.message());
                field = FORM;
            }
            messages.merge(field, message, (first, next) -> first + " " + next);
        }
        return messages;
    }

    /** "must …" and "at most …" follow the field's label; other messages are sentences of their own. */
    private static String sentence(String label, String message) {
        String text = label != null && (message.startsWith("must") || message.startsWith("at most"))
                ? label + " " + message
                : Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }

    /** The checked platform scopes, then the custom ones as typed (comma or space separated). */
    private List<String> allScopes() {
        List<String> all = new ArrayList<>(scopes == null ? List.of() : scopes);
        Arrays.stream(SEPARATORS.split(customScopes == null ? "" : customScopes.strip()))
                .filter(scope -> !scope.isEmpty() && !all.contains(scope)).forEach(all::add);
        return all;
    }

    private List<String> ipRanges() {
        return ipLines().stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** The line of each entry of {@link #ipRanges()}, counted from 1 as the user sees them. */
    private List<Integer> ipLineNumbers() {
        List<String> lines = ipLines();
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                numbers.add(i + 1);
            }
        }
        return numbers;
    }

    private List<String> ipLines() {
        return ipAllowlist == null || ipAllowlist.isBlank() ? List.of() : ipAllowlist.lines().toList();
    }

    private Integer requestsPerMinute(List<FieldError> errors) {
        String value = rateLimit == null ? "" : rateLimit.strip();
        if (value.isEmpty()) {
            return null; // the plan's default
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            errors.add(new FieldError("rateLimit.requestsPerMinute", "must be a whole number of requests per minute"));
            return null;
        }
    }

    /** The expiry input is a UTC date and time ({@code 2026-12-31T23:59}). */
    private Instant expiry(List<FieldError> errors) {
        String value = expiresAt == null ? "" : expiresAt.strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("expiresAt", "must be a date and time such as 2026-12-31T23:59 (UTC)"));
            return null;
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEnvironment() {
        return environment;
    }

    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public List<String> getScopes() {
        return scopes;
    }

    public void setScopes(List<String> scopes) {
        this.scopes = scopes;
    }

    public String getCustomScopes() {
        return customScopes;
    }

    public void setCustomScopes(String customScopes) {
        this.customScopes = customScopes;
    }

    public String getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(String rateLimit) {
        this.rateLimit = rateLimit;
    }

    public String getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(String expiresAt) {
        this.expiresAt = expiresAt;
    }

    public String getIpAllowlist() {
        return ipAllowlist;
    }

    public void setIpAllowlist(String ipAllowlist) {
        this.ipAllowlist = ipAllowlist;
    }

    public boolean isSigning() {
        return signing;
    }

    public void setSigning(boolean signing) {
        this.signing = signing;
    }
}
