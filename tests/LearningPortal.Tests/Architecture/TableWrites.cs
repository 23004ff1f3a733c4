using Mono.Cecil;
using Mono.Cecil.Cil;
using NetArchTest.Rules;

namespace LearningPortal.Tests.Architecture;

/// <summary>
/// Finds, in a type's compiled code (its async state machines and lambdas included), the entity types it writes.
/// What counts as a write, read from the IL: constructing an entity, setting one of its properties, passing it to
/// <c>DbSet.Add/Update/Remove/Attach</c> (and their Range and Async forms) or to <c>DbContext.Add/Update/Remove</c>,
/// and <c>ExecuteUpdate</c>/<c>ExecuteDelete</c>/<c>Leases.ClaimAsync</c> over a query of it. This is an approximation:
/// it cannot see an entity passed as <c>object</c>, a write through Identity's stores (<c>UserManager</c>), or raw SQL
/// (<c>ExecuteSql*</c>), and it counts building an entity object that is never saved as a write.
/// </summary>
public sealed class TableWrites(IReadOnlySet<string> entityTypes, Func<TypeDefinition, string, bool> allowed) : ICustomRule
{
    private static readonly HashSet<string> WritingMethods =
    [
        "Add", "AddAsync", "AddRange", "AddRangeAsync", "Update", "UpdateRange", "Remove", "RemoveRange", "Attach", "AttachRange",
        "ExecuteUpdate", "ExecuteUpdateAsync", "ExecuteDelete", "ExecuteDeleteAsync", "ClaimAsync",
    ];

    /// <summary>Every forbidden write found, as "writer type: entity type".</summary>
    public List<string> Refused { get; } = [];

    public bool MeetsRule(TypeDefinition type)
    {
        var refused = Written(type).Where(entity => !allowed(type, entity)).Distinct().ToList();
        Refused.AddRange(refused.Select(entity => $"{type.FullName} writes {entity}"));
        return refused.Count == 0;
    }

    /// <summary>The entity types the type's code writes, nested types included.</summary>
    public IEnumerable<string> Written(TypeDefinition type)
    {
        foreach (var nested in type.NestedTypes)
        {
            foreach (var entity in Written(nested))
            {
                yield return entity;
            }
        }

        foreach (var method in type.Methods.Where(m => m.HasBody))
        {
            foreach (var instruction in method.Body.Instructions)
            {
                if (instruction.Operand is not MethodReference called)
                {
                    continue;
                }

                if (instruction.OpCode == OpCodes.Newobj && IsEntity(called.DeclaringType))
                {
                    yield return called.DeclaringType.FullName;
                }
                else if (called.Name.StartsWith("set_", StringComparison.Ordinal) && IsEntity(called.DeclaringType))
                {
                    yield return called.DeclaringType.FullName;
                }
                else if (WritingMethods.Contains(called.Name))
                {
                    foreach (var argument in TypeArguments(called).Where(IsEntity))
                    {
                        yield return argument.FullName;
                    }
                }
            }
        }
    }

    private bool IsEntity(TypeReference type) => entityTypes.Contains(type.FullName);

    /// <summary>The generic arguments of the method (<c>ExecuteUpdate&lt;T&gt;</c>) and of its declaring type (<c>DbSet&lt;T&gt;.Add</c>).</summary>
    private static IEnumerable<TypeReference> TypeArguments(MethodReference method)
    {
        if (method is GenericInstanceMethod generic)
        {
            foreach (var argument in generic.GenericArguments)
            {
                yield return argument;
            }
        }

        if (method.DeclaringType is GenericInstanceType declaring)
        {
            foreach (var argument in declaring.GenericArguments)
            {
                yield return argument;
            }
        }
    }
}
