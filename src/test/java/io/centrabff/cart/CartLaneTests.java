package io.centrabff.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.centrabff.web.BffException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

class CartLaneTests {

    @Test
    void secondMutationOfOneCartGivesUpWithCartBusyAfterTheWait() {
        CartLanes lanes = new CartLanes(Duration.ofMillis(100));
        CartLock.Lease first = lanes.enter("cart-a").block();
        assertThatThrownBy(() -> lanes.enter("cart-a").block())
                .isInstanceOf(BffException.class)
                .satisfies(error -> {
                    BffException problem = (BffException) error;
                    assertThat(problem.getStatusCode().value()).isEqualTo(409);
                    assertThat(problem.getBody().getType().toString()).endsWith(":cart-busy");
                    assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo("1");
                });
        first.close();
        assertThat(lanes.size()).isZero();
    }

    @Test
    void waitingMutationsHoldNoThreadAndGetTheCartInArrivalOrder() {
        CartLanes lanes = new CartLanes(Duration.ofSeconds(5));
        CartLock.Lease first = lanes.enter("cart-a").block();
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<Disposable> waiting = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int position = i;
            // Subscribing returns at once: the waiting mutation is queued work, not a blocked thread.
            waiting.add(lanes.enter("cart-a").subscribe(lease -> {
                order.add(position);
                lease.close();
            }));
        }
        assertThat(order).isEmpty();
        first.close();
        assertThat(order).hasSize(200).isSorted();
        assertThat(lanes.size()).isZero();
        waiting.forEach(Disposable::dispose);
    }

    @Test
    void aWaiterThatGaveUpIsSkipped() {
        CartLanes lanes = new CartLanes(Duration.ofSeconds(5));
        CartLock.Lease first = lanes.enter("cart-a").block();
        List<String> got = new CopyOnWriteArrayList<>();
        Disposable gone = lanes.enter("cart-a").subscribe(lease -> got.add("gone"));
        lanes.enter("cart-a").subscribe(lease -> {
            got.add("next");
            lease.close();
        });
        gone.dispose();
        first.close();
        assertThat(got).containsExactly("next");
        assertThat(lanes.size()).isZero();
    }

    @Test
    void otherCartsAreNotHeldUpAndIdleLanesDisappear() {
        CartLanes lanes = new CartLanes(Duration.ofMillis(100));
        CartLock.Lease a = lanes.enter("cart-a").block();
        CartLock.Lease b = lanes.enter("cart-b").block();
        assertThat(lanes.size()).isEqualTo(2);
        a.close();
        b.close();
        b.close();
        assertThat(lanes.size()).isZero();
        lanes.enter("cart-a").block().close();
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
