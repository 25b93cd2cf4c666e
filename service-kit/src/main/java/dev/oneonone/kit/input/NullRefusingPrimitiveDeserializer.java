package dev.oneonone.kit.input;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * A primitive (int, long, double, boolean...) of a request body: an explicit JSON {@code null} is refused
 * (Jackson's {@code InvalidNullException}, answered 400 naming the field), while a field left out keeps the
 * primitive's default as before. (Jackson's FAIL_ON_NULL_FOR_PRIMITIVES would refuse a left-out record
 * component too.) Reading itself is Jackson's own deserializer for the type.
 */
public class NullRefusingPrimitiveDeserializer extends StdDeserializer<Object> {
    private static final long serialVersionUID = 1L;
    private final JsonDeserializer<?> standard;
    private final Object absent;

    NullRefusingPrimitiveDeserializer(Class<?> primitive, Object absent) {
        super(primitive);
        this.standard = NumberDeserializers.find(primitive, primitive.getName());
        this.absent = absent;
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return standard.deserialize(p, ctxt);
    }

    @Override
    public Object getNullValue(DeserializationContext ctxt) throws InvalidNullException {
        if (StrictJson.isTrusted(ctxt)) {
            return absent;
        }
        throw InvalidNullException.from(ctxt, null, ctxt.constructType(handledType()));
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
        return absent;
    }

    @Override
    public Object getEmptyValue(DeserializationContext ctxt) {
        return absent;
    }

    @Override
    public LogicalType logicalType() {
        return standard.logicalType();
    }

    @SuppressWarnings("unchecked")
    static void register(com.fasterxml.jackson.databind.module.SimpleModule module) {
        Object[][] primitives = { { int.class, 0 }, { long.class, 0L }, { short.class, (short) 0 }, { byte.class, (byte) 0 },
                { double.class, 0d }, { float.class, 0f }, { boolean.class, false }, { char.class, '\0' } };
        for (Object[] primitive : primitives) {
            Class<Object> type = (Class<Object>) primitive[0];
            module.addDeserializer(type, new NullRefusingPrimitiveDeserializer(type, primitive[1]));
        }
    }
}
