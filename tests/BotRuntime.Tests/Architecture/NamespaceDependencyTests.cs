using System.Reflection;
using System.Reflection.Emit;
using BotRuntime.AspNetCore;
using BotRuntime.Builder;

namespace BotRuntime.Tests.Architecture;

/// <summary>
/// The runtime's namespaces depend on each other one way only (Schema ← Storage ← State ← Dialogs, Builder ← State...):
/// a cycle means two namespaces can only be understood, changed and tested together. Dependencies are read from the
/// compiled assemblies (signatures, base types, attributes and every type, method and field a method body names), so
/// a fully qualified name or a lambda counts as much as a using directive.
/// </summary>
public sealed class NamespaceDependencyTests
{
    [Fact]
    public void The_runtime_namespaces_form_no_cycle()
    {
        var graph = NamespaceGraph.Of(typeof(ITurnContext).Assembly, typeof(BotHttpAdapter).Assembly);

        var cycles = graph.Cycles();

        Assert.True(cycles.Count == 0, "Namespace cycles (with a type that makes each step):\n" + string.Join("\n", cycles.Select(graph.Describe)));
    }

    [Fact]
    public void A_cycle_is_found_when_there_is_one()
    {
        // The check itself: a graph with Storage -> Dialogs -> Storage reports that cycle.
        var graph = new NamespaceGraph(new Dictionary<string, HashSet<string>>
        {
            ["BotRuntime.Storage"] = ["BotRuntime.Dialogs", "BotRuntime.Schema"],
            ["BotRuntime.Dialogs"] = ["BotRuntime.Storage"],
            ["BotRuntime.Schema"] = [],
        });

        var cycle = Assert.Single(graph.Cycles());
        Assert.Equal(["BotRuntime.Dialogs", "BotRuntime.Storage", "BotRuntime.Dialogs"], cycle);
    }

    private sealed class NamespaceGraph(Dictionary<string, HashSet<string>> edges, Dictionary<(string From, string To), string>? witnesses = null)
    {
        private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)!)
            .ToDictionary(o => o.Value);

        public static NamespaceGraph Of(params Assembly[] assemblies)
        {
            var ours = assemblies.ToHashSet();
            var edges = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            var witnesses = new Dictionary<(string, string), string>();
            foreach (var type in assemblies.SelectMany(a => a.GetTypes()))
            {
                var from = NamespaceOf(type);
                if (from is null)
                {
                    continue;
                }

                var targets = edges.TryGetValue(from, out var known) ? known : edges[from] = new HashSet<string>(StringComparer.Ordinal);
                foreach (var used in UsedTypes(type))
                {
                    if (ours.Contains(used.Assembly) && NamespaceOf(used) is { } to && to != from && targets.Add(to))
                    {
                        witnesses[(from, to)] = $"{type.FullName} uses {used.FullName}";
                    }
                }
            }

            return new NamespaceGraph(edges, witnesses);
        }

        public string Describe(List<string> cycle) =>
            string.Join(" -> ", cycle) + string.Concat(cycle.Zip(cycle.Skip(1)).Select(step =>
                witnesses?.TryGetValue(step, out var witness) == true ? $"\n    ({witness})" : string.Empty));

        /// <summary>Each cycle once, as the namespaces along it, starting and ending at its alphabetically first one.</summary>
        public List<List<string>> Cycles()
        {
            var cycles = new List<List<string>>();
            foreach (var start in edges.Keys.Order(StringComparer.Ordinal))
            {
                // Only cycles whose smallest namespace is the start: each cycle is reported once.
                var path = new List<string> { start };
                Walk(start, start, path, cycles);
            }

            return cycles;
        }

        private void Walk(string start, string at, List<string> path, List<List<string>> cycles)
        {
            foreach (var next in edges.GetValueOrDefault(at, []).Order(StringComparer.Ordinal))
            {
                if (next == start)
                {
                    cycles.Add([.. path, start]);
                }
                else if (string.CompareOrdinal(next, start) > 0 && !path.Contains(next))
                {
                    path.Add(next);
                    Walk(start, next, path, cycles);
                    path.RemoveAt(path.Count - 1);
                }
            }
        }

        /// <summary>
        /// A namespace is a top folder of its project; deeper ones count as it (BotRuntime.Dialogs.Prompts is
        /// BotRuntime.Dialogs, BotRuntime.AspNetCore.DirectLine.X is BotRuntime.AspNetCore.DirectLine).
        /// </summary>
        private static string? NamespaceOf(Type type)
        {
            if (type.Namespace is not { } name)
            {
                return null;
            }

            var depth = type.Assembly.GetName().Name!.Split('.').Length + 1;
            var parts = name.Split('.');
            return parts.Length > depth ? string.Join('.', parts[..depth]) : name;
        }

        private static IEnumerable<Type> UsedTypes(Type type)
        {
            const BindingFlags declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var found = new List<Type>();
            found.AddRange(Expand(type.BaseType));
            found.AddRange(type.GetInterfaces().SelectMany(Expand));
            found.AddRange(type.GetCustomAttributesData().SelectMany(AttributeTypes));
            found.AddRange(type.GetFields(declared).SelectMany(f => Expand(f.FieldType)));
            found.AddRange(type.GetProperties(declared).SelectMany(p => Expand(p.PropertyType)));
            found.AddRange(type.GetEvents(declared).SelectMany(e => Expand(e.EventHandlerType)));
            foreach (var method in type.GetMethods(declared).Cast<MethodBase>().Concat(type.GetConstructors(declared)))
            {
                found.AddRange(method.GetCustomAttributesData().SelectMany(AttributeTypes));
                found.AddRange(method.GetParameters().SelectMany(p => Expand(p.ParameterType)));
                if (method is MethodInfo info)
                {
                    found.AddRange(Expand(info.ReturnType));
                }

                found.AddRange(BodyTypes(method));
            }

            return found;
        }

        private static IEnumerable<Type> AttributeTypes(CustomAttributeData attribute) =>
            Expand(attribute.AttributeType).Concat(attribute.ConstructorArguments.Select(a => a.Value).OfType<Type>().SelectMany(Expand));

        /// <summary>A type with its generic arguments and element type (List&lt;DialogInstance&gt; uses DialogInstance).</summary>
        private static IEnumerable<Type> Expand(Type? type)
        {
            if (type is null || type.IsGenericParameter)
            {
                yield break;
            }

            if (type.HasElementType)
            {
                foreach (var element in Expand(type.GetElementType()))
                {
                    yield return element;
                }

                yield break;
            }

            yield return type.IsGenericType ? type.GetGenericTypeDefinition() : type;
            if (type.IsGenericType)
            {
                foreach (var argument in type.GetGenericArguments().SelectMany(Expand))
                {
                    yield return argument;
                }
            }
        }

        /// <summary>The types, methods and fields a method body names, read from its IL.</summary>
        private static IEnumerable<Type> BodyTypes(MethodBase method)
        {
            var il = method.GetMethodBody()?.GetILAsByteArray();
            if (il is null)
            {
                return [];
            }

            var module = method.Module;
            var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
            var methodArguments = method is MethodInfo { IsGenericMethod: true } ? method.GetGenericArguments() : null;
            var found = new List<Type>();
            for (var i = 0; i < il.Length;)
            {
                OpCode opCode;
                if (il[i] == 0xFE)
                {
                    opCode = OpCodesByValue[(short)(0xFE00 | il[i + 1])];
                    i += 2;
                }
                else
                {
                    opCode = OpCodesByValue[il[i]];
                    i += 1;
                }

                switch (opCode.OperandType)
                {
                    case OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok:
                        var token = BitConverter.ToInt32(il, i);
                        try
                        {
                            var member = module.ResolveMember(token, typeArguments, methodArguments);
                            found.AddRange(member switch
                            {
                                Type t => Expand(t),
                                MethodBase m => Expand(m.DeclaringType).Concat(m.GetParameters().SelectMany(p => Expand(p.ParameterType)))
                                    .Concat(m is MethodInfo { IsGenericMethod: true } g ? g.GetGenericArguments().SelectMany(Expand) : []),
                                FieldInfo f => Expand(f.DeclaringType).Concat(Expand(f.FieldType)),
                                _ => [],
                            });
                        }
                        catch (Exception e) when (e is ArgumentException or BadImageFormatException)
                        {
                            // A generic member resolved outside its generic context: its declaring type is read elsewhere.
                        }

                        i += 4;
                        break;
                    case OperandType.InlineSwitch:
                        i += 4 + (4 * BitConverter.ToInt32(il, i));
                        break;
                    case OperandType.InlineI8 or OperandType.InlineR:
                        i += 8;
                        break;
                    case OperandType.InlineNone:
                        break;
                    case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                        i += 1;
                        break;
                    case OperandType.InlineVar:
                        i += 2;
                        break;
                    default:
                        i += 4;
                        break;
                }
            }

            return found;
        }
    }
}
