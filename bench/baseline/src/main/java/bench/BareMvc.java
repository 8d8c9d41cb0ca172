package bench;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The least a Spring MVC application does: Boot defaults, fixed bytes for the listing ({@code bench/catalog.sh}), and a
 * relay that passes any other checkout call to {@code upstream} with the same method, path and body and answers what
 * comes back ({@code bench/load.sh}). No sessions, no checks, no metrics of its own.
 */
@SpringBootApplication
@RestController
public class BareMvc {

    private final byte[] listing;
    private final WebClient upstream;

    BareMvc(@Value("${listing:}") String listing, @Value("${upstream:http://127.0.0.1:1}") String upstream,
            WebClient.Builder builder) throws IOException {
        this.listing = listing.isEmpty() ? new byte[0] : Files.readAllBytes(Path.of(listing));
        this.upstream = builder.baseUrl(upstream).build();
    }

    @PostMapping("/api/checkout/products")
    ResponseEntity<byte[]> products() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(listing);
    }

    @RequestMapping("/api/checkout/**")
    Mono<ResponseEntity<byte[]>> relay(HttpServletRequest request, @RequestBody(required = false) byte[] body) {
        WebClient.RequestBodySpec call = upstream.method(HttpMethod.valueOf(request.getMethod()))
                .uri(request.getRequestURI())
                .contentType(MediaType.APPLICATION_JSON);
        return (body == null ? call : call.bodyValue(body)).retrieve().toEntity(byte[].class);
    }

    public static void main(String[] args) {
        SpringApplication.run(BareMvc.class, args);
    }
}
