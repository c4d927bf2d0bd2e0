package org.noticeboard.common;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses query parameters an operation does not declare: a typo such as {@code ?catgory=} must not
 * silently return the unfiltered list. A parameter given twice is refused too, as no operation takes several
 * values of one: reading only the first ({@code ?perPage=5&perPage=1}) would ignore what was sent.
 */
public class UnknownQueryParameterFilter {

    private final Map<Method, Set<String>> declaredByMethod = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnknownParameters(ContainerRequestContext request, ResourceInfo resourceInfo, UriInfo uriInfo) {
        Method method = resourceInfo.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> declared = declaredByMethod.computeIfAbsent(method, UnknownQueryParameterFilter::declaredParameters);
        uriInfo.getQueryParameters().forEach((name, values) -> {
            if (!declared.contains(name)) {
                String allowed = declared.isEmpty() ? "none" : String.join(", ", declared);
                throw ProblemException.invalidQuery(name, "is not supported here; supported parameters: " + allowed);
            }
            if (values.size() > 1) {
                throw ProblemException.invalidQuery(name, "is given " + values.size() + " times; give it once");
            }
        });
    }

    private static Set<String> declaredParameters(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Field field : parameter.getType().getDeclaredFields()) {
                    queryParameterName(field.getAnnotations(), field.getName()).ifPresent(names::add);
                }
            }
            queryParameterName(parameter.getAnnotations(), parameter.getName()).ifPresent(names::add);
        }
        return names;
    }

    private static Optional<String> queryParameterName(Annotation[] annotations, String javaName) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return Optional.of(query.value());
            }
            if (annotation instanceof RestQuery query) {
                return Optional.of(query.value().isEmpty() ? javaName : query.value());
            }
        }
        return Optional.empty();
    }
}
