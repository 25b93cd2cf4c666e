package dev.oneonone.kit.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.oneonone.kit.fuzz.FuzzRequest.Kind;
import dev.oneonone.kit.fuzz.Gen.Weighted;

/**
 * The generator of malformed requests derived from one valid request of an operation. Every request it
 * generates is wrong in exactly one way that the input policy refuses (docs/api-standards.md), so each must be
 * answered 4xx with a problem document and store nothing.
 */
public final class MalformedRequests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}(:\\d{2})?");
    private static final Pattern UUID_IN_PATH = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Replaced in the JSON text after serialising: things Jackson would not write (lone surrogates, bad bytes). */
    private static final String MARK = "@@fuzz-mark@@";
    /** The API's limits (suite.api.max-uri-bytes, suite.api.max-header-bytes): over them is a 414 or 431 problem. */
    static final int API_MAX_URI_BYTES = 8 * 1024;
    static final int API_MAX_HEADER_BYTES = 16 * 1024;
    /**
     * The HTTP codec's limits each service sets (quarkus.http.limits.max-initial-line-length, max-header-size):
     * over them Netty answers 414 or 431 without a body, so the generated requests stay under them.
     */
    static final int CODEC_MAX_INITIAL_LINE = 64 * 1024;
    static final int CODEC_MAX_HEADER_BYTES = 128 * 1024;

    private final FuzzOperation operation;
    private final JsonNode valid;
    private final List<Site> sites = new ArrayList<>();

    /** A place in the valid body: its path from the root, its node, and the field name it sits under (null in a list). */
    private record Site(List<Object> path, JsonNode node, String field) {
    }

    private MalformedRequests(FuzzOperation operation) {
        this.operation = operation;
        try {
            this.valid = operation.validBody() == null ? null : JSON.readTree(operation.validBody());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The valid body of " + operation.name() + " is no JSON", e);
        }
        if (valid != null) {
            collect(List.of(), valid, null);
        }
    }

    /** The generator of malformed requests for the operation. */
    public static Gen<FuzzRequest> of(FuzzOperation operation) {
        return new MalformedRequests(operation).generator();
    }

    private void collect(List<Object> path, JsonNode node, String field) {
        sites.add(new Site(path, node, field));
        if (node.isObject()) {
            node.fields().forEachRemaining(entry -> collect(append(path, entry.getKey()), entry.getValue(), entry.getKey()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(append(path, i), node.get(i), null);
            }
        }
    }

    private static List<Object> append(List<Object> path, Object segment) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(segment);
        return List.copyOf(longer);
    }

    private Gen<FuzzRequest> generator() {
        List<Weighted<FuzzRequest>> choices = new ArrayList<>();
        List<Site> strings = sites.stream().filter(s -> s.node().isTextual()).toList();
        List<Site> singleLine = strings.stream().filter(s -> s.field() == null || !operation.multiline().contains(s.field())).toList();
        List<Site> numbers = sites.stream().filter(s -> s.node().isNumber()).toList();
        List<Site> booleans = sites.stream().filter(s -> s.node().isBoolean()).toList();
        List<Site> dates = strings.stream().filter(s -> INSTANT.matcher(s.node().asText()).matches()
                || DATE.matcher(s.node().asText()).matches() || TIME.matcher(s.node().asText()).matches()).toList();
        List<Site> nullable = sites.stream().filter(s -> s.field() != null && !s.node().isNull()
                && !operation.nullable().contains(s.field())).toList();
        List<Site> arrays = sites.stream().filter(s -> s.node().isArray()).toList();
        List<Site> objects = sites.stream().filter(s -> s.node().isObject() && !s.node().isEmpty()).toList();
        List<Site> values = sites.stream().filter(s -> !s.path().isEmpty()).toList();
        if (valid != null) {
            add(choices, 3, strings, Kind.NUL_IN_STRING, nulString().map(s -> (JsonNode) NODES.textNode(s)));
            add(choices, 3, strings, Kind.CONTROL_CHARACTER, controlString().map(s -> (JsonNode) NODES.textNode(s)));
            add(choices, 2, singleLine, Kind.LINE_BREAK_IN_SINGLE_LINE, lineBreakString().map(s -> (JsonNode) NODES.textNode(s)));
            add(choices, 3, strings, Kind.INVISIBLE_ONLY, invisibleString().map(s -> (JsonNode) NODES.textNode(s)));
            add(choices, 1, strings, Kind.OVERLONG_STRING,
                    Gen.between(10_001, 70_000).map(n -> (JsonNode) NODES.textNode("x".repeat(n))));
            add(choices, 2, strings, Kind.NUMBER_FOR_STRING, notAString());
            // 0 and 1 are numbers for a boolean only: for a number they may well be valid
            add(choices, 2, numbers, Kind.STRING_FOR_NUMBER, Gen.of("\"30\"", "\"true\"", "\"thirty\"", "30.5",
                    "99999999999999999999999", "-2147483649", "1e400", "[]", "{}").map(MalformedRequests::node));
            add(choices, 1, booleans, Kind.STRING_FOR_NUMBER, Gen.of("\"true\"", "\"false\"", "\"yes\"", "0", "1",
                    "[]", "{}").map(MalformedRequests::node));
            add(choices, 3, nullable, Kind.NULL_FIELD, Gen.just(NODES.nullNode()));
            add(choices, 3, dates, Kind.ODD_DATE, oddDate());
            add(choices, 1, values, Kind.DEEP_NESTING, Gen.between(1_001, 20_000)
                    .map(depth -> (JsonNode) NODES.textNode(MARK + "deep" + depth)));
            addMarked(choices, 3, strings, Kind.LONE_SURROGATE, loneSurrogate());
            addMarked(choices, 2, strings, Kind.INVALID_UTF8, Gen.of("C328", "EDA080", "FF", "C0AF", "F888808080"));
            if (!arrays.isEmpty()) {
                Gen<Site> array = Gen.of(arrays);
                Gen<Integer> where = Gen.between(0, 1_000);
                choices.add(new Weighted<>(3, random -> nullElement(array.draw(random), where.draw(random))));
            }
            if (!objects.isEmpty()) {
                Gen<Site> object = Gen.of(objects);
                Gen<Integer> which = Gen.between(0, 1_000);
                choices.add(new Weighted<>(3, random -> duplicateKey(object.draw(random), which.draw(random))));
                Gen<String> name = unknownName();
                Gen<String> value = Gen.of("\"x\"", "1", "null", "{}", "[]", "true");
                choices.add(new Weighted<>(3, random -> unknownField(object.draw(random), name.draw(random),
                        value.draw(random))));
            }
            String text = operation.validBody();
            choices.add(new Weighted<>(2, Gen.between(operation.nullable().contains("") ? 1 : 0, text.length() - 1)
                    .map(cut -> request(Kind.TRUNCATED_JSON, "cut at " + cut, bytes(text.substring(0, cut))))));
            choices.add(new Weighted<>(1, Gen.between(1_001, 50_000).map(depth ->
                    request(Kind.DEEP_NESTING, "body nested " + depth, bytes("[".repeat(depth) + "]".repeat(depth))))));
            List<String> notObjects = new ArrayList<>(List.of("[]", "[" + text + "]", "\"text\"", "42", "true"));
            if (!operation.nullable().contains("")) {
                notObjects.add("null");
            }
            choices.add(new Weighted<>(1, Gen.of(notObjects).map(body -> request(Kind.NOT_AN_OBJECT, body, bytes(body)))));
            choices.add(new Weighted<>(1, Gen.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "application/jsonx", "multipart/form-data; boundary=x").map(type -> withHeader(Kind.ODD_CONTENT_TYPE,
                    "Content-Type", type))));
            if (operation.maxBodyBytes() <= 2 * FuzzOperation.DEFAULT_MAX_BODY) {
                choices.add(new Weighted<>(1, Gen.between(1, 64 * 1024).map(this::oversized)));
            }
        }
        if (operation.ifMatch()) {
            choices.add(new Weighted<>(3, Gen.of("\"abc\"", "\"-1\"", "\"99999999999\"", "W/\"x\"", "\"\"", "\"1.5\"",
                    "\"1\", \"2\"", "\"999999\"", "1 2", "\"0x10\"").map(value -> withHeader(Kind.ODD_IF_MATCH, "If-Match", value))));
        }
        if (operation.idempotencyKey()) {
            // a non-ASCII key travels as its UTF-8 bytes (FuzzSuite sends such headers itself: the JDK client would
            // send "schl?ssel", a valid key)
            choices.add(new Weighted<>(3, Gen.of("a b", "k".repeat(201), "schl\u00fcssel", "\"quoted\" key", "\u00e9",
                    "k".repeat(199) + "\u00fc")
                    .map(value -> withHeader(Kind.ODD_IDEMPOTENCY_KEY, "Idempotency-Key", value))));
        }
        if (UUID_IN_PATH.matcher(operation.path()).find()) {
            choices.add(new Weighted<>(3, Gen.of("not-a-uuid", "%00", "%F0%9F%98%80", "1", "a%0Ab", "x".repeat(300),
                    "00000000-0000-0000-0000-00000000000g", "%2e%2e", "%E2%80%8B").map(this::oddPathId)));
        }
        choices.add(new Weighted<>(2, Gen.of("", "Bearer", "Bearer abc.def.ghi", "Bearer " + "x".repeat(5_000),
                "Basic dXNlcjpwYXNz", "Bearer " + operation.token() + "x").map(value -> withHeader(Kind.BAD_TOKEN,
                "Authorization", value))));
        // over the API's limits, inside the HTTP codec's (which answer without a problem document)
        choices.add(new Weighted<>(1, Gen.between(API_MAX_HEADER_BYTES + 1, CODEC_MAX_HEADER_BYTES - 8 * 1024)
                .map(size -> withHeader(Kind.HUGE_HEADER, "X-Padding", "p".repeat(size)))));
        choices.add(new Weighted<>(1, Gen.between(API_MAX_URI_BYTES + 1, CODEC_MAX_INITIAL_LINE - 4 * 1024)
                .map(size -> new FuzzRequest(Kind.HUGE_URL,
                "query of " + size, operation.method(), operation.path() + "?q=" + "q".repeat(size),
                operation.baseHeaders(), validBytes(), false))));
        return Gen.frequency(choices);
    }

    private void add(List<Weighted<FuzzRequest>> choices, int weight, List<Site> at, Kind kind,
            Gen<JsonNode> replacement) {
        if (!at.isEmpty()) {
            Gen<Site> site = Gen.of(at);
            choices.add(new Weighted<>(weight, random -> replace(kind, site.draw(random), replacement.draw(random))));
        }
    }

    /** A string site whose value gets a marker, replaced in the text by what Jackson cannot write. */
    private void addMarked(List<Weighted<FuzzRequest>> choices, int weight, List<Site> at, Kind kind, Gen<String> hex) {
        if (!at.isEmpty()) {
            Gen<Site> site = Gen.of(at);
            Gen<String> prefix = word();
            choices.add(new Weighted<>(weight, random -> {
                Site chosen = site.draw(random);
                String code = hex.draw(random);
                return replace(kind, chosen, NODES.textNode(prefix.draw(random) + MARK + code + MARK));
            }));
        }
    }

    private FuzzRequest replace(Kind kind, Site site, JsonNode value) {
        JsonNode copy = valid.deepCopy();
        JsonNode body = set(copy, site.path(), value);
        return request(kind, pathOf(site) + " = " + shorten(value.toString()), render(body, kind));
    }

    private static JsonNode set(JsonNode root, List<Object> path, JsonNode value) {
        if (path.isEmpty()) {
            return value;
        }
        JsonNode parent = root;
        for (Object segment : path.subList(0, path.size() - 1)) {
            parent = segment instanceof Integer index ? parent.get(index) : parent.get((String) segment);
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
        return root;
    }

    private FuzzRequest nullElement(Site array, int where) {
        JsonNode copy = valid.deepCopy();
        ArrayNode target = (ArrayNode) navigate(copy, array.path());
        int index = where % (target.size() + 1);
        target.insertNull(index);
        return request(Kind.NULL_ELEMENT, pathOf(array) + "[" + index + "] = null", render(copy, Kind.NULL_ELEMENT));
    }

    private FuzzRequest duplicateKey(Site object, int which) {
        JsonNode copy = valid.deepCopy();
        ObjectNode target = (ObjectNode) navigate(copy, object.path());
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        String name = names.get(which % names.size());
        JsonNode value = target.remove(name);
        target.set(MARK + "dup", value);
        String text = toText(copy).replace("\"" + MARK + "dup\":", "\"" + name + "\":" + value + ",\"" + name + "\":");
        return request(Kind.DUPLICATE_KEY, pathOf(object) + "." + name + " twice", bytes(text));
    }

    private FuzzRequest unknownField(Site object, String name, String value) {
        JsonNode copy = valid.deepCopy();
        ObjectNode target = (ObjectNode) navigate(copy, object.path());
        if (target.has(name)) {
            name = name + "Unknown";
        }
        target.set(name, node(value));
        return request(Kind.UNKNOWN_FIELD, pathOf(object) + "." + name + " = " + value, render(copy, Kind.UNKNOWN_FIELD));
    }

    private Gen<String> unknownName() {
        List<String> known = new ArrayList<>();
        sites.stream().filter(s -> s.field() != null).forEach(s -> known.add(s.field()));
        List<Gen<String>> names = new ArrayList<>();
        names.add(word().filter(w -> !w.isEmpty()).map(w -> "zz" + w));
        if (!known.isEmpty()) {
            // an integrator's typo: a known name with a letter too many, in another case, or snake_case
            names.add(Gen.of(known).map(k -> k + "s"));
            List<String> notUpper = known.stream().filter(k -> !k.equals(k.toUpperCase())).toList();
            if (!notUpper.isEmpty()) {
                names.add(Gen.of(notUpper).map(String::toUpperCase));
            }
            names.add(Gen.of(known).map(k -> k.replaceAll("([A-Z])", "_$1").toLowerCase() + "_"));
        }
        return Gen.frequency(names.stream().map(g -> new Weighted<>(1, g)).toList());
    }

    private static JsonNode navigate(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object segment : path) {
            node = segment instanceof Integer index ? node.get(index) : node.get((String) segment);
        }
        return node;
    }

    private FuzzRequest oddPathId(String value) {
        Matcher uuids = UUID_IN_PATH.matcher(operation.path());
        List<int[]> found = new ArrayList<>();
        while (uuids.find()) {
            found.add(new int[] { uuids.start(), uuids.end() });
        }
        int[] at = found.get(Math.abs(value.hashCode()) % found.size());
        String path = operation.path().substring(0, at[0]) + value + operation.path().substring(at[1]);
        return new FuzzRequest(Kind.ODD_PATH_ID, "id " + shorten(value), operation.method(), path,
                operation.baseHeaders(), validBytes(), false);
    }

    private FuzzRequest oversized(int extra) {
        ObjectNode copy = valid.isObject() ? (ObjectNode) valid.deepCopy() : NODES.objectNode().set("body", valid);
        int size = (int) operation.maxBodyBytes() + extra;
        copy.put("padding", "p".repeat(size));
        return new FuzzRequest(Kind.OVERSIZED_CHUNKED_BODY, (size / 1024) + " KiB without Content-Length",
                operation.method(), operation.path(), operation.baseHeaders(), bytes(toText(copy)), true);
    }

    private FuzzRequest withHeader(Kind kind, String name, String value) {
        Map<String, String> headers = new HashMap<>(operation.baseHeaders());
        headers.put(name, value);
        return new FuzzRequest(kind, name + ": " + shorten(value), operation.method(), operation.path(), headers,
                validBytes(), false);
    }

    private FuzzRequest request(Kind kind, String detail, byte[] body) {
        return new FuzzRequest(kind, detail, operation.method(), operation.path(), operation.baseHeaders(), body, false);
    }

    private byte[] validBytes() {
        return operation.validBody() == null ? null : bytes(operation.validBody());
    }

    /** The body's bytes, each marker replaced: a lone surrogate escape, raw invalid UTF-8, or deep nesting. */
    private static byte[] render(JsonNode body, Kind kind) {
        String text = toText(body);
        Matcher deep = Pattern.compile("\"" + Pattern.quote(MARK) + "deep(\\d+)\"").matcher(text);
        if (deep.find()) {
            int depth = Integer.parseInt(deep.group(1));
            text = text.substring(0, deep.start()) + "[".repeat(depth) + "]".repeat(depth) + text.substring(deep.end());
        }
        int start = text.indexOf(MARK);
        if (start < 0) {
            return bytes(text);
        }
        int end = text.indexOf(MARK, start + MARK.length());
        String code = text.substring(start + MARK.length(), end);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(text.substring(0, start)));
        if (kind == Kind.LONE_SURROGATE) {
            out.writeBytes(bytes(code.replace("u", "\\u"))); // the marker holds "ud800"; JSON gets \ud800
        } else {
            for (int i = 0; i < code.length(); i += 2) {
                out.write(Integer.parseInt(code.substring(i, i + 2), 16));
            }
        }
        out.writeBytes(bytes(text.substring(end + MARK.length())));
        return out.toByteArray();
    }

    private static String toText(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode node(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // numbers Jackson's tree cannot hold (1e400) travel as raw text
            return NODES.rawValueNode(new com.fasterxml.jackson.databind.util.RawValue(json));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String pathOf(Site site) {
        StringBuilder path = new StringBuilder();
        for (Object segment : site.path()) {
            path.append(segment instanceof Integer ? "[" + segment + "]" : (path.length() == 0 ? "" : ".") + segment);
        }
        return path.length() == 0 ? "(body)" : path.toString();
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "...(" + text.length() + " chars)" : text;
    }

    // ---- the hostile strings ----

    /** Up to 12 letters a to z, possibly none. */
    private static Gen<String> word() {
        Gen<Integer> length = Gen.between(0, 12);
        return random -> {
            int n = length.draw(random);
            StringBuilder word = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                word.append((char) random.nextInt('a', 'z' + 1));
            }
            return word.toString();
        };
    }

    private static Gen<String> around(Gen<String> middle) {
        Gen<String> word = word();
        return random -> word.draw(random) + middle.draw(random) + word.draw(random);
    }

    /** NUL inside a word, twice in a row, or alone (the issue's name of only {@code "\u0000"}). */
    static Gen<String> nulString() {
        return Gen.frequency(List.of(new Weighted<>(4, around(Gen.of("\u0000", "\u0000\u0000"))),
                new Weighted<>(1, Gen.of("\u0000", "\u0000\u0000"))));
    }

    /** A C0 control other than tab and line breaks, DEL, or a C1 control, inside a word. */
    static Gen<String> controlString() {
        Gen<String> c0 = Gen.between(0x01, 0x1f).filter(c -> c != '\t' && c != '\n' && c != '\r')
                .map(c -> String.valueOf((char) c.intValue()));
        Gen<String> other = Gen.of("\u007f", "\u0080", "\u009b", "\u009f");
        return around(Gen.oneOf(c0, other));
    }

    static Gen<String> lineBreakString() {
        Gen<String> first = word().filter(w -> !w.isEmpty());
        Gen<String> lineBreak = Gen.of("\n", "\r\n", "\r");
        Gen<String> rest = word();
        return random -> first.draw(random) + lineBreak.draw(random) + rest.draw(random);
    }

    /** One to eight invisible characters and spaces, not spaces alone. */
    static Gen<String> invisibleString() {
        Gen<Character> invisible = Gen.of('\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u200e',
                '\u200f', ' ', '\u00a0', '\u2003', '\u3000');
        Gen<Integer> length = Gen.between(1, 8);
        Gen<String> text = random -> {
            int n = length.draw(random);
            StringBuilder chars = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                chars.append(invisible.draw(random));
            }
            return chars.toString();
        };
        return text.filter(s -> !s.isBlank() || s.chars().anyMatch(c -> c > ' '));
    }

    /** The JSON escape of an unpaired surrogate: a high one alone, a low one alone, or the two the wrong way round. */
    static Gen<String> loneSurrogate() {
        Gen<String> high = Gen.between(0xD800, 0xDBFF).map(c -> String.format("u%04x", c));
        Gen<String> low = Gen.between(0xDC00, 0xDFFF).map(c -> String.format("u%04x", c));
        Gen<String> reversed = random -> low.draw(random) + high.draw(random);
        return Gen.oneOf(high, low, reversed);
    }

    private static Gen<JsonNode> notAString() {
        return Gen.of("42", "-1", "3.14", "true", "false", "{}", "[]", "[\"x\"]", "{\"value\":\"x\"}")
                .map(MalformedRequests::node);
    }

    /** Dates and instants out of the domain range or in odd formats, for whichever the valid value is. */
    private Gen<JsonNode> oddDate() {
        return Gen.of(
                "\"+1000000000-12-31T23:59:59.999999999Z\"", "\"-1000000000-01-01T00:00:00Z\"",
                "\"10000-01-01T00:00:00Z\"", "\"0000-01-01T00:00:00Z\"", "\"1899-12-31T23:59:59Z\"",
                "\"2201-01-01T00:00:00Z\"", "\"2026-13-01T09:00:00Z\"", "\"2026-12-01T09:00:00+25:00\"",
                "\"0000-01-01\"", "\"+10000-01-01\"", "\"1899-12-31\"", "\"2201-01-01\"", "\"2026-02-30\"",
                "\"2026-1-5\"", "\"20261201\"", "20261201", "-1", "1.0E300", "\"25:00\"", "\"10:60\"",
                "\"1000\"", "36000", "\"tomorrow\"")
                .map(MalformedRequests::node);
    }
}
