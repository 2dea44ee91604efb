package ownpilot.gateway.tools.builtin;

import static ownpilot.gateway.tools.builtin.Builtins.format;
import static ownpilot.gateway.tools.builtin.Builtins.tidy;
import static ownpilot.gateway.tools.builtin.Builtins.tool;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ownpilot.gateway.tools.ToolDefinition;
import ownpilot.gateway.tools.ToolFailure;
import ownpilot.gateway.tools.ToolProvider;
import ownpilot.gateway.tools.ToolSchema;

/** Unit conversion, Base64, URL encoding and hashing. */
@Component
class ConversionTools implements ToolProvider {

    private static final List<String> HASHES = List.of("md5", "sha1", "sha256", "sha512");

    @Override
    public List<ToolDefinition> tools() {
        return List.of(
                tool("convert_units", "Convert a value between units of length, mass, volume, temperature, time, "
                                + "data size, speed or area (e.g. km to mi, C to F, GB to MiB)", "conversion",
                        ToolSchema.object().number("value", "The value", true)
                                .string("from", "Unit to convert from", true, 40)
                                .string("to", "Unit to convert to", true, 40),
                        List.of("units", "convert", "measurement", "temperature", "distance", "weight"),
                        (caller, args) -> Map.of("value", format(tidy(UnitConverter.convert(
                                Args.number(args, "value"), Args.text(args, "from"), Args.text(args, "to")))),
                                "unit", Args.text(args, "to"))),
                tool("base64_encode", "Encode text (UTF-8) as Base64", "conversion",
                        ToolSchema.object().string("text", "Text to encode", true),
                        List.of("base64", "encode"), (caller, args) -> Base64.getEncoder().encodeToString(
                                Args.text(args, "text").getBytes(StandardCharsets.UTF_8))),
                tool("base64_decode", "Decode Base64 into UTF-8 text", "conversion",
                        ToolSchema.object().string("encoded", "Base64 text", true),
                        List.of("base64", "decode"), (caller, args) -> decodeBase64(Args.text(args, "encoded"))),
                tool("url_encode", "Percent-encode text for a URL, or decode it with decode=true", "conversion",
                        ToolSchema.object().string("text", "Text", true).bool("decode", "Decode instead", false),
                        List.of("url", "encode", "decode", "percent"), (caller, args) -> Args.bool(args, "decode", false)
                                ? urlDecode(Args.text(args, "text"))
                                : URLEncoder.encode(Args.text(args, "text"), StandardCharsets.UTF_8)),
                tool("hash_text", "Hash text (UTF-8) with md5, sha1, sha256 (default) or sha512; hex output",
                        "conversion", ToolSchema.object().string("text", "Text to hash", true)
                                .oneOf("algorithm", "Hash algorithm", false, HASHES),
                        List.of("hash", "checksum", "digest", "sha256", "md5"),
                        (caller, args) -> hash(Args.text(args, "text"), Args.text(args, "algorithm", "sha256"))));
    }

    private static String decodeBase64(String encoded) {
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(encoded.trim());
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException e) {
            throw new ToolFailure("Not valid Base64");
        } catch (CharacterCodingException e) {
            throw new ToolFailure("The decoded bytes are not UTF-8 text");
        }
    }

    private static String urlDecode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ToolFailure("Not valid percent-encoding: " + e.getMessage());
        }
    }

    static Map<String, Object> hash(String text, String algorithm) {
        String jca = switch (algorithm) {
            case "md5" -> "MD5";
            case "sha1" -> "SHA-1";
            case "sha512" -> "SHA-512";
            default -> "SHA-256";
        };
        try {
            byte[] digest = MessageDigest.getInstance(jca).digest(text.getBytes(StandardCharsets.UTF_8));
            return Map.of("algorithm", algorithm, "hash", HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new ToolFailure("Hash algorithm not available: " + algorithm);
        }
    }
}
