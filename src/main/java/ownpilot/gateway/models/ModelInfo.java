package ownpilot.gateway.models;

import java.util.List;

/** One model as the API shows it; prices are USD per million tokens. */
public record ModelInfo(String id, String name, String provider, int contextWindow, int maxOutputTokens,
        double inputPrice, double outputPrice, List<String> capabilities, boolean recommended, String releaseDate) {}
