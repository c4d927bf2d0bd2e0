package org.noticeboard;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.client.ApiClient;
import org.noticeboard.client.ApiException;
import org.noticeboard.client.ApiResponse;
import org.noticeboard.client.api.PostsApi;
import org.noticeboard.client.api.SignInApi;
import org.noticeboard.client.model.Post;
import org.noticeboard.client.model.PostPatch;
import org.noticeboard.client.model.PostRequest;
import org.noticeboard.client.model.PostStatus;
import org.noticeboard.client.model.PostSummary;
import org.noticeboard.client.model.SignInRequest;
import org.noticeboard.client.model.TokenResponse;
import org.noticeboard.support.TestData;
import org.noticeboard.user.Role;

import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A client generated from the committed openapi/openapi.yaml (openapi-generator's Java "native" library, see the
 * pom) works against the server: front ends and partner sites will generate theirs from the same document.
 * Method names are the operationIds.
 */
@QuarkusTest
class GeneratedJavaClientTest {

    @TestHTTPResource("/")
    URL server;

    @Inject
    TestData data;

    @BeforeEach
    void anEditor() {
        data.reset();
        data.user("editor@example.org", Role.EDITOR);
    }

    @Test
    void anEditorSignsInListsCreatesChangesAndDeletesAPost() throws ApiException {
        PostsApi publicPosts = new PostsApi(client(null));
        TokenResponse session = new SignInApi(client(null))
                .signIn(new SignInRequest().email("editor@example.org").password(TestData.PASSWORD));
        assertThat(session.getTokenType()).isEqualTo("Bearer");
        PostsApi posts = new PostsApi(client(session.getAccessToken()));

        ApiResponse<Post> created = posts.createPostWithHttpInfo(new PostRequest().title("Summer Fair")
                .excerpt("Stalls, games and a raffle").status(PostStatus.PUBLISHED));
        assertThat(created.getStatusCode()).isEqualTo(201);
        long id = created.getData().getId();
        assertThat(created.getData().getSlug()).isEqualTo("summer-fair");
        assertThat(publicPosts.listPosts(null, null, null, null, null, null, null, null).getItems())
                .extracting(PostSummary::getTitle).containsExactly("Summer Fair");

        String createdTag = created.getHeaders().get("ETag").get(0);
        ApiResponse<Post> changed = posts.patchPostWithHttpInfo(id, createdTag,
                new PostPatch().excerpt("Stalls, games, a raffle and cake"));
        assertThat(changed.getData().getTitle()).as("a merge patch leaves the rest").isEqualTo("Summer Fair");
        assertThat(changed.getData().getStatus()).isEqualTo(PostStatus.PUBLISHED);
        assertThat(publicPosts.getPost(id).getExcerpt()).isEqualTo("Stalls, games, a raffle and cake");

        ApiException stale = catchThrowableOfType(ApiException.class, () -> posts.deletePost(id, null, createdTag));
        assertThat(stale.getCode()).isEqualTo(412);
        assertThat(stale.getResponseBody()).contains("/problems/precondition-failed");

        posts.deletePost(id, null, changed.getHeaders().get("ETag").get(0));
        assertThat(catchThrowableOfType(ApiException.class, () -> posts.getPost(id)).getCode()).isEqualTo(404);
        assertThat(publicPosts.listPosts(null, null, null, null, null, null, null, null).getItems()).isEmpty();
    }

    @Test
    void aWrongPasswordIsRefusedWithAProblem() {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> new SignInApi(client(null))
                .signIn(new SignInRequest().email("editor@example.org").password("not the password")));

        assertThat(refused.getCode()).isEqualTo(401);
        assertThat(refused.getResponseBody()).contains("/problems/unauthorized");
    }

    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.toString().replaceFirst("/$", ""));
        if (token != null) {
            // The native library leaves authentication to the caller.
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }
}
