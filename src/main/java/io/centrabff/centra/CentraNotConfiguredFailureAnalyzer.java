package io.centrabff.centra;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing Centra into Boot's start-up report: one line saying what to set, no stack trace. */
class CentraNotConfiguredFailureAnalyzer extends AbstractFailureAnalyzer<CentraNotConfiguredException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CentraNotConfiguredException cause) {
        return new FailureAnalysis(
                CentraNotConfiguredException.MESSAGE, "Set CENTRA_BASE_URL, or activate the 'sandbox' profile.", null);
    }
}
