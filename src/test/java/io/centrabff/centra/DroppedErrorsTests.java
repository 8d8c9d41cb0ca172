package io.centrabff.centra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/** A Centra answer racing its call's cancellation is no error worth a stack trace; other dropped errors still are. */
@ExtendWith(OutputCaptureExtension.class)
class DroppedErrorsTests {

    @Test
    void aBodyReleasedByCancellationIsNotLoggedAsAnError(CapturedOutput output) {
        DroppedErrors.install();
        try {
            Operators.onErrorDropped(
                    new IllegalStateException(
                            "The client response body has been released already due to cancellation."),
                    Context.empty());
            Operators.onErrorDropped(new IllegalArgumentException("something else went wrong"), Context.empty());
        } finally {
            Hooks.resetOnErrorDropped();
        }

        assertThat(output.getAll()).doesNotContain("released already due to cancellation");
        assertThat(output.getAll()).doesNotContain("Operator called default onErrorDropped");
        assertThat(output.getAll()).contains("WARN").contains("something else went wrong");
    }
}
