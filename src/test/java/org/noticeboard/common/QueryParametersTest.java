package org.noticeboard.common;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.noticeboard.support.TestData;
import org.noticeboard.user.Role;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** Every typed query value has one spelling; any other is a 400 naming the parameter and what it allows. */
@QuarkusTest
class QueryParametersTest {

    @Inject
    TestData data;

    @BeforeEach
    void startEmpty() {
        data.reset();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "page=                  | page    | must be a whole number from 1 to 100000, not ''",
            "page=%2B2              | page    | must be a whole number from 1 to 100000, not '+2'",
            "page=-2                | page    | must be a whole number from 1 to 100000, not '-2'",
            "page=%202              | page    | must be a whole number from 1 to 100000, not ' 2'",
            "page=2%20              | page    | must be a whole number from 1 to 100000, not '2 '",
            "page=2.0               | page    | must be a whole number from 1 to 100000, not '2.0'",
            "page=2e1               | page    | must be a whole number from 1 to 100000, not '2e1'",
            "page=0x10              | page    | must be a whole number from 1 to 100000, not '0x10'",
            "page=%D9%A2            | page    | must be a whole number from 1 to 100000, not '٢'",
            "page=%EF%BC%92         | page    | must be a whole number from 1 to 100000, not '２'",
            "page=007               | page    | must be a whole number from 1 to 100000, written without leading zeros, not '007'",
            "page=100001            | page    | must be a whole number from 1 to 100000, not 100001",
            "page=2147483648        | page    | must be a whole number from 1 to 100000, not 2147483648",
            "page=99999999999999999999999 | page | must be a whole number from 1 to 100000, not '99999999999999999999999'",
            "perPage=0              | perPage | must be a whole number from 1 to 100, not 0",
            "year=0                 | year    | must be a whole number from 1 to 9999, not 0",
            "year=                  | year    | must be a whole number from 1 to 9999, not ''",
            "status=Draft           | status  | must be one of: published, scheduled, draft, any; not 'Draft'",
            "status=PUBLISHED       | status  | must be one of: published, scheduled, draft, any; not 'PUBLISHED'",
            "status=                | status  | must be one of: published, scheduled, draft, any; not ''",
    })
    void malformedAndOutOfRangeValuesNameTheParameterAndWhatItAllows(String query, String field, String message) {
        given().urlEncodingEnabled(false).get("/api/posts?" + query)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-query"))
                .body("detail", equalTo("Query parameter '" + field + "' " + message))
                .body("errors.field", contains(field))
                .body("errors.message", contains(message));
    }

    @Test
    void theCanonicalSpellingsAreRead() {
        data.post("Summer Fair", Instant.parse("2025-07-16T09:00:00Z"));
        data.draft("Volunteers' Week");

        given().get("/api/posts?page=1&perPage=100&year=2025&month=7&status=published")
                .then().statusCode(200).body("items.title", contains("Summer Fair"));
        given().auth().oauth2(data.tokenFor(Role.EDITOR)).get("/api/posts?status=draft")
                .then().statusCode(200).body("items.title", contains("Volunteers' Week"));
        given().get("/api/posts?page=2&perPage=1").then().statusCode(200)
                .body("page", equalTo(2)).body("perPage", equalTo(1));
    }

    @Test
    void leftOutValuesTakeTheDefaultsTheDocumentStates() {
        given().get("/api/posts").then().statusCode(200).body("page", equalTo(1)).body("perPage", equalTo(10));
        given().get("/api/pages").then().statusCode(200).body("page", equalTo(1)).body("perPage", equalTo(10));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "True  | 'True'",
            "FALSE | 'FALSE'",
            "1     | '1'",
            "yes   | 'yes'",
            "``    | ''",
    })
    void booleansAreTrueOrFalseOnly(String value, String shown) {
        data.category("Volunteering");

        given().auth().oauth2(data.tokenFor(Role.EDITOR)).urlEncodingEnabled(false)
                .header("If-Match", "\"whatever\"")
                .delete("/api/categories/volunteering?removeMenuLinks=" + value)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-query"))
                .body("detail", equalTo("Query parameter 'removeMenuLinks' must be true or false, not " + shown));
        given().get("/api/categories/volunteering").then().statusCode(200);
    }

    @Test
    void idsInPathsArePlainNumbersElseNotFound() {
        long id = data.post("Summer Fair", Instant.parse("2025-07-16T09:00:00Z")).id;

        given().get("/api/posts/" + id).then().statusCode(200);
        for (String notAnId : new String[] {"0" + id, "+" + id, "-" + id, "0", "abc", "1e3", "99999999999999999999"}) {
            given().urlEncodingEnabled(false).get("/api/posts/" + notAnId)
                    .then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/not-found"))
                    .body(not(containsString("Exception")));
        }
    }
}
