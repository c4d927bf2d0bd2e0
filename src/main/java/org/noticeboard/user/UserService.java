package org.noticeboard.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.noticeboard.common.Expected;
import org.noticeboard.common.Problem;
import org.noticeboard.common.ProblemException;
import org.noticeboard.common.WriteLocks;

import java.util.List;
import java.util.Locale;

@ApplicationScoped
public class UserService {

    private final UserRepository users;
    private final Passwords passwords;
    private final Event<PasswordChanged> passwordChanges;
    private final WriteLocks locks;

    UserService(UserRepository users, Passwords passwords, Event<PasswordChanged> passwordChanges, WriteLocks locks) {
        this.users = users;
        this.passwords = passwords;
        this.passwordChanges = passwordChanges;
        this.locks = locks;
    }

    @Transactional
    public List<UserResponse> list() {
        return users.list("order by lower(displayName), id").stream().map(UserResponse::of).toList();
    }

    @Transactional
    public UserResponse get(long id) {
        return UserResponse.of(find(id));
    }

    @Transactional
    public UserResponse create(UserRequest request) {
        User user = new User();
        requirePassword(request.password());
        apply(user, request);
        users.persist(user);
        users.flush();
        return UserResponse.of(user);
    }

    @Transactional
    public UserResponse update(long id, UserRequest request, Expected expected) {
        User user = find(id);
        expected.requireMatch(UserResponse.tagOf(user));
        if (request.password() != null) {
            requirePassword(request.password());
        }
        if (user.role == Role.ADMIN && request.role() != Role.ADMIN) {
            requireAnotherAdmin(user, "demoted");
        }
        apply(user, request);
        users.flush();
        return UserResponse.of(user);
    }

    /** The user's current state as an update request, the base a merge patch applies to. */
    @Transactional
    public UserRequest currentRequest(long id) {
        return UserResponse.of(find(id)).asRequest();
    }

    @Transactional
    public void delete(long id, Expected expected) {
        User user = find(id);
        expected.requireMatch(UserResponse.tagOf(user));
        if (user.role == Role.ADMIN) {
            requireAnotherAdmin(user, "deleted");
        }
        users.delete(user);
        users.flush();
    }

    @Transactional
    public boolean anyExist() {
        return users.count() > 0;
    }

    /** Creates the first admin of an empty database. */
    @Transactional
    public boolean createFirstAdmin(String email, String displayName, String password) {
        // Replicas starting together on an empty database: the first creates the admin, the others find it.
        locks.lock(WriteLocks.Scope.START_UP);
        if (users.count() > 0) {
            return false;
        }
        create(new UserRequest(email, displayName, Role.ADMIN, password));
        return true;
    }

    private void apply(User user, UserRequest request) {
        String email = request.email().strip().toLowerCase(Locale.ROOT);
        users.findByEmail(email).filter(other -> !other.id.equals(user.id)).ifPresent(other -> {
            throw ProblemException.conflict("Another user already has the e-mail address " + email,
                    List.of(new Problem.Conflict("user", other.id, other.displayName, other.email)));
        });
        user.email = email;
        user.displayName = request.displayName().strip();
        user.role = request.role();
        if (request.password() != null) {
            boolean changed = user.passwordHash != null;
            user.passwordHash = passwords.hash(request.password());
            if (changed) {
                passwordChanges.fire(new PasswordChanged(user.id));
            }
        }
    }

    private static void requirePassword(String password) {
        String problem = Passwords.problemWith(password);
        if (problem != null) {
            throw ProblemException.invalidField("password", problem);
        }
    }

    private void requireAnotherAdmin(User user, String change) {
        if (users.countAdminsLocked() <= 1) {
            throw ProblemException.conflict("The last admin cannot be " + change + ": make someone else an admin first",
                    List.of(new Problem.Conflict("user", user.id, user.displayName, user.email)));
        }
    }

    private User find(long id) {
        return users.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("No user has the id " + id));
    }
}
