package ownpilot.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.core.metrics.jfr.FlightRecorderApplicationStartup;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {
    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(GatewayApplication.class);
        if (Boolean.getBoolean("ownpilot.startup.jfr")) {
            // each start-up step (bean creation, configuration parsing) as a JFR event, to see where
            // start-up time goes: java -Downpilot.startup.jfr=true -XX:StartFlightRecording=... (bench/README.md)
            app.setApplicationStartup(new FlightRecorderApplicationStartup());
        }
        app.run(args);
    }
}
