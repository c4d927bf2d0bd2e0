package org.noticeboard.common;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ParamConverter;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses query parameters an operation does not declare: a typo such as {@code ?catgory=} must not
 * silently return the unfiltered list. A parameter given twice is refused too, as no operation takes several
 * values of one: reading only the first ({@code ?perPage=5&perPage=1}) would ignore what was sent. So is an empty
 * value of a typed parameter, which RESTEasy would read as left out ({@code ?page=} as page 1).
 */
public class UnknownQueryParameterFilter {

    private static final QueryParameters TYPED = new QueryParameters();

    /** Each declared parameter's converter; {@link Optional#empty()} for a plain string. */
    private final Map<Method, Map<String, Optional<ParamConverter<?>>>> declaredByMethod = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnknownParameters(ContainerRequestContext request, ResourceInfo resourceInfo, UriInfo uriInfo) {
        Method method = resourceInfo.getResourceMethod();
        if (method == null) {
            return;
        }
        Map<String, Optional<ParamConverter<?>>> declared =
                declaredByMethod.computeIfAbsent(method, UnknownQueryParameterFilter::declaredParameters);
        uriInfo.getQueryParameters().forEach((name, values) -> {
            if (!declared.containsKey(name)) {
                String allowed = declared.isEmpty() ? "none" : String.join(", ", declared.keySet());
                throw ProblemException.invalidQuery(name, "is not supported here; supported parameters: " + allowed);
            }
            if (values.size() > 1) {
                throw ProblemException.invalidQuery(name, "is given " + values.size() + " times; give it once");
            }
            if (values.get(0).isEmpty()) {
                // Refused with the converter's own words for what the parameter allows.
                declared.get(name).ifPresent(converter -> converter.fromString(""));
            }
        });
    }

    private static Map<String, Optional<ParamConverter<?>>> declaredParameters(Method method) {
        Map<String, Optional<ParamConverter<?>>> declared = new TreeMap<>();
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Field field : parameter.getType().getDeclaredFields()) {
                    queryParameterName(field.getAnnotations(), field.getName()).ifPresent(name -> declared.put(name,
                            converter(field.getType(), field.getGenericType(), field.getAnnotations())));
                }
            }
            queryParameterName(parameter.getAnnotations(), parameter.getName()).ifPresent(name -> declared.put(name,
                    converter(parameter.getType(), parameter.getParameterizedType(), parameter.getAnnotations())));
        }
        return declared;
    }

    private static Optional<ParamConverter<?>> converter(Class<?> type, Type genericType, Annotation[] annotations) {
        return Optional.ofNullable(TYPED.getConverter(type, genericType, annotations));
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
