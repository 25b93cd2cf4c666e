package dev.oneonone.kit.input;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Names every unknown field of a request object at once (docs/api-standards.md, "Strict JSON"): Jackson stops at
 * the first one, so a body {@code {"foo":1,"bar":2,"name":""}} would be refused for {@code foo} only. At the first
 * unknown field of an object this handler reads the rest of that object, notes each field the target type does not
 * have, and throws {@link Refused} with all of them ({@code ProblemMappers} answers 400, one error per field). Reads
 * with {@link StrictJson#trustedReader} (unknown fields allowed) are left to Jackson.
 */
public class UnknownFields extends DeserializationProblemHandler {
    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
            Object beanOrClass, String propertyName) throws IOException {
        Collection<Object> knownNames = deserializer == null ? null : deserializer.getKnownPropertyNames();
        if (!ctxt.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) || knownNames == null) {
            return false; // a trusted read ignores it; without the known names Jackson names the first one
        }
        Set<String> known = new HashSet<>();
        knownNames.forEach(name -> known.add(String.valueOf(name)));
        // a record's (creator's) unknown fields come buffered, replayed from their own parser, once the object's
        // other fields are read: the request's parser then tells where the object is
        JsonParser request = ctxt.getParser() != null ? ctxt.getParser() : p;
        String object = objectPath(request);
        List<String> names = new ArrayList<>();
        names.add(propertyName);
        p.skipChildren();
        collectRest(p, p.nextToken(), known, names);
        if (request != p && request.currentToken() == JsonToken.FIELD_NAME) {
            collectRest(request, request.currentToken(), known, names); // the object was built before its end
        }
        throw new Refused(p, names.stream().map(name -> object.isEmpty() ? name : object + "." + name).toList());
    }

    /** Notes each unknown field from {@code token} to the end of the object, skipping every value. */
    private static void collectRest(JsonParser p, JsonToken token, Set<String> known, List<String> names) throws IOException {
        for (JsonToken at = token; at == JsonToken.FIELD_NAME; at = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            if (!known.contains(name) && !names.contains(name)) {
                names.add(name);
            }
            p.skipChildren();
        }
    }

    /** The path of the object being read ({@code people[0]}; empty for the body itself). */
    private static String objectPath(JsonParser request) {
        JsonToken token = request.currentToken();
        JsonStreamContext context = request.getParsingContext();
        if (token == JsonToken.END_OBJECT) {
            return valuePath(context); // past the object's end: its container
        }
        JsonStreamContext object = token != null && token.isStructStart() ? context.getParent() : context;
        return valuePath(object.getParent());
    }

    /** The path of the value a context is at. */
    private static String valuePath(JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return "";
        }
        String parent = valuePath(context.getParent());
        if (context.inArray()) {
            return parent + "[" + context.getCurrentIndex() + "]";
        }
        return parent.isEmpty() ? context.getCurrentName() : parent + "." + context.getCurrentName();
    }

    /** The unknown fields of one request object, each by its path in the body. */
    public static class Refused extends MismatchedInputException {
        private static final long serialVersionUID = 1L;
        private final transient List<String> fields;

        Refused(JsonParser p, List<String> fields) {
            super(p, "Unknown field(s): " + String.join(", ", fields));
            this.fields = List.copyOf(fields);
        }

        public List<String> fields() {
            return fields;
        }
    }
}
