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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * The jqwik generator of malformed requests derived from one valid request of an operation. Every request it
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
    public static Arbitrary<FuzzRequest> of(FuzzOperation operation) {
        return new MalformedRequests(operation).arbitrary();
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

    private Arbitrary<FuzzRequest> arbitrary() {
        List<Tuple.Tuple2<Integer, Arbitrary<FuzzRequest>>> choices = new ArrayList<>();
        List<Site> strings = sites.stream().filter(s -> s.node().isTextual()).toList();
        List<Site> singleLine = strings.stream().filter(s -> s.field() == null || !operation.multiline().contains(s.field())).toList();
        List<Site> scalars = sites.stream().filter(s -> s.node().isNumber() || s.node().isBoolean()).toList();
        List<Site> dates = strings.stream().filter(s -> INSTANT.matcher(s.node().asText()).matches()
                || DATE.matcher(s.node().asText()).matches() || TIME.matcher(s.node().asText()).matches()).toList();
        List<Site> nullable = sites.stream().filter(s -> s.field() != null && !s.node().isNull()
                && !operation.nullable().contains(s.field())).toList();
        List<Site> arrays = sites.stream().filter(s -> s.node().isArray()).toList();
        List<Site> objects = sites.stream().filter(s -> s.node().isObject()).toList();
        List<Site> values = sites.stream().filter(s -> !s.path().isEmpty()).toList();
        if (valid != null) {
            add(choices, 3, strings, Kind.NUL_IN_STRING, nulString().map(s -> (JsonNode) NODES.textNode(s)));
            add(choices, 3, strings, Kind.CONTROL_CHARACTER, controlString().map(s -> (JsonNode) NODES.textNode(s)));
            add(choices, 2, singleLine, Kind.LINE_BREAK_IN_SINGLE_LINE, lineBreakString().map(s -> (JsonNode) NODES.textNode(s)));
            add(choices, 3, strings, Kind.INVISIBLE_ONLY, invisibleString().map(s -> (JsonNode) NODES.textNode(s)));
            add(choices, 1, strings, Kind.OVERLONG_STRING,
                    Arbitraries.integers().between(10_001, 70_000).map(n -> (JsonNode) NODES.textNode("x".repeat(n))));
            add(choices, 2, strings, Kind.NUMBER_FOR_STRING, notAString());
            add(choices, 2, scalars, Kind.STRING_FOR_NUMBER, Arbitraries.of("\"30\"", "\"true\"", "\"thirty\"", "30.5",
                    "99999999999999999999999", "-2147483649", "1e400", "0", "1", "[]", "{}").map(MalformedRequests::node));
            add(choices, 3, nullable, Kind.NULL_FIELD, Arbitraries.just(NODES.nullNode()));
            add(choices, 3, dates, Kind.ODD_DATE, oddDate());
            add(choices, 1, values, Kind.DEEP_NESTING, Arbitraries.integers().between(1_001, 20_000)
                    .map(depth -> (JsonNode) NODES.textNode(MARK + "deep" + depth)));
            addMarked(choices, 3, strings, Kind.LONE_SURROGATE, loneSurrogate());
            addMarked(choices, 2, strings, Kind.INVALID_UTF8, Arbitraries.of("C328", "EDA080", "FF", "C0AF", "F888808080"));
            if (!arrays.isEmpty()) {
                choices.add(Tuple.of(3, Combinators.combine(Arbitraries.of(arrays), Arbitraries.integers().between(0, 1_000))
                        .as(this::nullElement)));
            }
            if (!objects.isEmpty()) {
                choices.add(Tuple.of(3, Combinators.combine(Arbitraries.of(objects), Arbitraries.integers().between(0, 1_000))
                        .as(this::duplicateKey).filter(r -> r != null)));
                choices.add(Tuple.of(3, Combinators.combine(Arbitraries.of(objects), unknownName(),
                        Arbitraries.of("\"x\"", "1", "null", "{}", "[]", "true")).as(this::unknownField)));
            }
            String text = operation.validBody();
            choices.add(Tuple.of(2, Arbitraries.integers().between(operation.nullable().contains("") ? 1 : 0, text.length() - 1)
                    .map(cut -> request(Kind.TRUNCATED_JSON, "cut at " + cut, bytes(text.substring(0, cut))))));
            choices.add(Tuple.of(1, Arbitraries.integers().between(1_001, 50_000).map(depth ->
                    request(Kind.DEEP_NESTING, "body nested " + depth, bytes("[".repeat(depth) + "]".repeat(depth))))));
            List<String> notObjects = new ArrayList<>(List.of("[]", "[" + text + "]", "\"text\"", "42", "true"));
            if (!operation.nullable().contains("")) {
                notObjects.add("null");
            }
            choices.add(Tuple.of(1, Arbitraries.of(notObjects).map(body -> request(Kind.NOT_AN_OBJECT, body, bytes(body)))));
            choices.add(Tuple.of(1, Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "application/jsonx", "multipart/form-data; boundary=x").map(type -> withHeader(Kind.ODD_CONTENT_TYPE,
                    "Content-Type", type))));
            if (operation.maxBodyBytes() <= 2 * FuzzOperation.DEFAULT_MAX_BODY) {
                choices.add(Tuple.of(1, Arbitraries.integers().between(1, 64 * 1024).map(extra -> oversized(extra))));
            }
        }
        if (operation.ifMatch()) {
            choices.add(Tuple.of(3, Arbitraries.of("\"abc\"", "\"-1\"", "\"99999999999\"", "W/\"x\"", "\"\"", "\"1.5\"",
                    "\"1\", \"2\"", "\"999999\"", "1 2", "\"0x10\"").map(value -> withHeader(Kind.ODD_IF_MATCH, "If-Match", value))));
        }
        if (operation.idempotencyKey()) {
            choices.add(Tuple.of(3, Arbitraries.of("a b", "k".repeat(201), "schl\u00fcssel", "\"quoted\" key")
                    .map(value -> withHeader(Kind.ODD_IDEMPOTENCY_KEY, "Idempotency-Key", value))));
        }
        if (UUID_IN_PATH.matcher(operation.path()).find()) {
            choices.add(Tuple.of(3, Arbitraries.of("not-a-uuid", "%00", "%F0%9F%98%80", "1", "a%0Ab", "x".repeat(300),
                    "00000000-0000-0000-0000-00000000000g", "%2e%2e", "%E2%80%8B").map(this::oddPathId)));
        }
        choices.add(Tuple.of(2, Arbitraries.of("", "Bearer", "Bearer abc.def.ghi", "Bearer " + "x".repeat(5_000),
                "Basic dXNlcjpwYXNz", "Bearer " + operation.token() + "x").map(value -> withHeader(Kind.BAD_TOKEN,
                "Authorization", value))));
        choices.add(Tuple.of(1, Arbitraries.integers().between(25_000, 60_000)
                .map(size -> withHeader(Kind.HUGE_HEADER, "X-Padding", "p".repeat(size)))));
        choices.add(Tuple.of(1, Arbitraries.integers().between(5_000, 30_000).map(size -> new FuzzRequest(Kind.HUGE_URL,
                "query of " + size, operation.method(), operation.path() + "?q=" + "q".repeat(size),
                operation.baseHeaders(), validBytes(), false))));
        return Arbitraries.frequencyOf(choices.toArray(Tuple.Tuple2[]::new));
    }

    private void add(List<Tuple.Tuple2<Integer, Arbitrary<FuzzRequest>>> choices, int weight, List<Site> at, Kind kind,
            Arbitrary<JsonNode> replacement) {
        if (!at.isEmpty()) {
            choices.add(Tuple.of(weight, Combinators.combine(Arbitraries.of(at), replacement)
                    .as((site, value) -> replace(kind, site, value))));
        }
    }

    /** A string site whose value gets a marker, replaced in the text by what Jackson cannot write. */
    private void addMarked(List<Tuple.Tuple2<Integer, Arbitrary<FuzzRequest>>> choices, int weight, List<Site> at,
            Kind kind, Arbitrary<String> hex) {
        if (!at.isEmpty()) {
            choices.add(Tuple.of(weight, Combinators.combine(Arbitraries.of(at), hex, word())
                    .as((site, code, prefix) -> replace(kind, site, NODES.textNode(prefix + MARK + code + MARK)))));
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
        if (object.node().isEmpty()) {
            return null;
        }
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

    private Arbitrary<String> unknownName() {
        List<String> known = new ArrayList<>();
        sites.stream().filter(s -> s.field() != null).forEach(s -> known.add(s.field()));
        List<Arbitrary<String>> names = new ArrayList<>();
        names.add(word().filter(w -> !w.isEmpty()).map(w -> "zz" + w));
        if (!known.isEmpty()) {
            // an integrator's typo: a known name with a letter too many, in another case, or snake_case
            names.add(Arbitraries.of(known).map(k -> k + "s"));
            names.add(Arbitraries.of(known).filter(k -> !k.equals(k.toUpperCase())).map(String::toUpperCase));
            names.add(Arbitraries.of(known).map(k -> k.replaceAll("([A-Z])", "_$1").toLowerCase() + "_"));
        }
        return Arbitraries.oneOf(names);
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

    private static Arbitrary<String> word() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(12);
    }

    private static Arbitrary<String> around(Arbitrary<String> middle) {
        return Combinators.combine(word(), middle, word()).as((a, m, b) -> a + m + b);
    }

    static Arbitrary<String> nulString() {
        return around(Arbitraries.of("\u0000", "\u0000\u0000")).injectDuplicates(0.1)
                .edgeCases(edges -> edges.add("\u0000"));
    }

    static Arbitrary<String> controlString() {
        Arbitrary<Character> c0 = Arbitraries.chars().range('\u0001', '\u001f')
                .filter(c -> c != '\t' && c != '\n' && c != '\r');
        Arbitrary<Character> other = Arbitraries.of('\u007f', '\u0080', '\u009b', '\u009f');
        return around(Arbitraries.oneOf(c0, other).map(String::valueOf));
    }

    static Arbitrary<String> lineBreakString() {
        return Combinators.combine(word().filter(w -> !w.isEmpty()), Arbitraries.of("\n", "\r\n", "\r"), word())
                .as((a, m, b) -> a + m + b);
    }

    static Arbitrary<String> invisibleString() {
        return Arbitraries.of('\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u200e', '\u200f', ' ',
                '\u00a0', '\u2003', '\u3000').list().ofMinSize(1).ofMaxSize(8)
                .map(chars -> chars.stream().map(String::valueOf).reduce("", String::concat))
                .filter(s -> !s.isBlank() || s.chars().anyMatch(c -> c > ' '));
    }

    /** The JSON escape of an unpaired surrogate: a high one alone, a low one alone, or the two the wrong way round. */
    static Arbitrary<String> loneSurrogate() {
        Arbitrary<String> high = Arbitraries.integers().between(0xD800, 0xDBFF).map(c -> String.format("u%04x", c));
        Arbitrary<String> low = Arbitraries.integers().between(0xDC00, 0xDFFF).map(c -> String.format("u%04x", c));
        Arbitrary<String> reversed = Combinators.combine(low, high).as(String::concat);
        return Arbitraries.oneOf(high, low, reversed);
    }

    private static Arbitrary<JsonNode> notAString() {
        return Arbitraries.of("42", "-1", "3.14", "true", "false", "{}", "[]", "[\"x\"]", "{\"value\":\"x\"}")
                .map(MalformedRequests::node);
    }

    /** Dates and instants out of the domain range or in odd formats, for whichever the valid value is. */
    private Arbitrary<JsonNode> oddDate() {
        return Arbitraries.of(
                "\"+1000000000-12-31T23:59:59.999999999Z\"", "\"-1000000000-01-01T00:00:00Z\"",
                "\"10000-01-01T00:00:00Z\"", "\"0000-01-01T00:00:00Z\"", "\"1899-12-31T23:59:59Z\"",
                "\"2201-01-01T00:00:00Z\"", "\"2026-13-01T09:00:00Z\"", "\"2026-12-01T09:00:00+25:00\"",
                "\"0000-01-01\"", "\"+10000-01-01\"", "\"1899-12-31\"", "\"2201-01-01\"", "\"2026-02-30\"",
                "\"2026-1-5\"", "\"20261201\"", "20261201", "-1", "1.0E300", "\"25:00\"", "\"10:60\"",
                "\"1000\"", "36000", "\"tomorrow\"")
                .map(MalformedRequests::node);
    }
}
