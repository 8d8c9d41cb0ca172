package io.centrabff.widgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.centrabff.web.BffException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CartLaneTests {

    @Test
    void secondMutationOfOneCartGivesUpWithCartBusyAfterTheWait() {
        CartLanes lanes = new CartLanes(Duration.ofMillis(100));
        CartLock.Lease first = lanes.enter("cart-a");
        assertThatThrownBy(() -> CompletableFuture.supplyAsync(() -> lanes.enter("cart-a"))
                        .join())
                .hasCauseInstanceOf(BffException.class)
                .cause()
                .satisfies(error -> {
                    BffException problem = (BffException) error;
                    assertThat(problem.getStatusCode().value()).isEqualTo(409);
                    assertThat(problem.getBody().getType().toString()).endsWith(":cart-busy");
                    assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo("1");
                });
        first.close();
    }

    @Test
    void otherCartsAreNotHeldUpAndIdleLanesDisappear() {
        CartLanes lanes = new CartLanes(Duration.ofMillis(100));
        CartLock.Lease a = lanes.enter("cart-a");
        CartLock.Lease b =
                CompletableFuture.supplyAsync(() -> lanes.enter("cart-b")).join();
        assertThat(lanes.size()).isEqualTo(2);
        a.close();
        b.close();
        b.close();
        assertThat(lanes.size()).isZero();
        lanes.enter("cart-a").close();
        assertThat(lanes.size()).isZero();
    }

    @Test
    void tokenHashNamesTheCartAcrossARotation() {
        CartKeys keys = new CartKeys(Duration.ofHours(1));
        String cart = keys.cartOf("old-token");
        keys.follow(cart, "new-token");
        assertThat(keys.cartOf("new-token")).isEqualTo(cart).doesNotContain("old-token");
        assertThat(keys.cartOf(null)).isNull();
    }
}
