package ownpilot.gateway.channels;

import java.util.ArrayList;
import java.util.List;

/** Splits a long answer into messages a platform accepts, at a paragraph, line or word break where one is near. */
final class TextChunks {

    /** More than this many messages for one answer is a flood; the rest is cut with a note. */
    static final int MAX_CHUNKS = 10;

    private TextChunks() {}

    static List<String> split(String text, int max) {
        List<String> out = new ArrayList<>();
        String rest = text.strip();
        while (!rest.isEmpty() && out.size() < MAX_CHUNKS) {
            if (rest.length() <= max) {
                out.add(rest);
                return out;
            }
            int cut = breakBefore(rest, max);
            out.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty()) {
            String last = out.removeLast();
            String note = "\n… (answer cut: too long for one chat)";
            out.add(last.substring(0, Math.min(last.length(), max - note.length())) + note);
        }
        return out;
    }

    private static int breakBefore(String text, int max) {
        int floor = max / 2;
        for (String mark : new String[] {"\n\n", "\n", " "}) {
            int at = text.lastIndexOf(mark, max - mark.length());
            if (at >= floor) {
                return at + mark.length();
            }
        }
        boolean splitsPair = Character.isHighSurrogate(text.charAt(max - 1));
        return splitsPair ? max - 1 : max;
    }
}
