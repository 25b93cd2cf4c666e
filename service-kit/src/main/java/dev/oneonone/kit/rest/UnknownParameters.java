package dev.oneonone.kit.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.oneonone.kit.problem.InvalidInputException;
import dev.oneonone.kit.problem.Problem.FieldError;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

/**
 * A query parameter the matched operation does not declare is refused: 400 {@code invalid-input} naming it, reason
 * {@value #REASON} (a retired name such as {@code cursor}, or a typo, would otherwise be ignored silently and answer
 * something else than the client meant). The operation's parameters are its resource method's {@code @QueryParam}
 * and {@code @RestQuery} parameters (also inside a {@code @BeanParam}); a method marked {@link AnyQueryParameters}
 * takes any. Only JAX-RS operations are checked: {@code /q/*} (the OpenAPI document's {@code format}, health,
 * metrics) is not one.
 */
public class UnknownParameters {
    public static final String REASON = "unknown-parameter";
    public static final String MESSAGE = "is not a query parameter of this operation";
    private static final Map<Method, Set<String>> DECLARED = new ConcurrentHashMap<>();
    /** A method that takes any parameter. */
    private static final Set<String> ANY = Set.of();

    @ServerRequestFilter
    public void refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> declared = DECLARED.computeIfAbsent(method, UnknownParameters::declared);
        if (declared == ANY) {
            return;
        }
        Set<String> unknown = new TreeSet<>(request.getUriInfo().getQueryParameters(true).keySet());
        unknown.removeAll(declared);
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(unknown.stream().map(name -> new FieldError(name, MESSAGE, REASON)).toList());
        }
    }

    static Set<String> declared(Method method) {
        if (method.isAnnotationPresent(AnyQueryParameters.class)) {
            return ANY;
        }
        Set<String> names = new TreeSet<>();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof QueryParam query) {
                    names.add(query.value());
                } else if (annotation instanceof RestQuery query) {
                    names.add(query.value().isEmpty() ? method.getParameters()[i].getName() : query.value());
                } else if (annotation instanceof BeanParam) {
                    beanParameters(method.getParameterTypes()[i], names);
                }
            }
        }
        return names;
    }

    private static void beanParameters(Class<?> type, Set<String> names) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                QueryParam query = field.getAnnotation(QueryParam.class);
                if (query != null) {
                    names.add(query.value());
                }
                RestQuery rest = field.getAnnotation(RestQuery.class);
                if (rest != null) {
                    names.add(rest.value().isEmpty() ? field.getName() : rest.value());
                }
            }
        }
    }

    /** For tests: the names a method declares (empty and {@link #ANY} alike when it takes none). */
    static List<String> declaredNames(Method method) {
        return List.copyOf(declared(method));
    }
}
