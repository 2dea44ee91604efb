package ownpilot.gateway.memories;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.springframework.stereotype.Component;
import ownpilot.gateway.shared.CpuPool;

/**
 * Sentence vectors from all-MiniLM-L6-v2 (quantised, 384 dimensions), run in-process and offline
 * from the Maven artifact. The model loads at its first use (about 0.7 s), and every embedding runs
 * on the CPU pool: it is CPU-bound work on user text.
 */
@Component
class Embeddings {

    static final String MODEL = "all-minilm-l6-v2-q";
    /** The model reads at most 256 word pieces; more text only costs time. */
    private static final int MAX_CHARS = 2000;

    private final CpuPool cpu;
    private volatile EmbeddingModel model;

    Embeddings(CpuPool cpu) {
        this.cpu = cpu;
    }

    float[] embed(String text) {
        String input = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        return cpu.call(() -> model().embed(input).content().vector());
    }

    private EmbeddingModel model() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    // the tokenizer library would look for downloads otherwise; everything it needs is in the jar
                    System.setProperty("ai.djl.offline", "true");
                    model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                }
                m = model;
            }
        }
        return m;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
