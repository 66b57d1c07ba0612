//! Templates lowered once from Tera's parsed form into a program whose names are resolved ahead
//! of time. It renders the same text as `Tera::render` without Tera's per-render set-up (macro
//! tables, frame maps) or per-lookup work (re-splitting dotted names, allocating their tokens),
//! which was half of a render's cost.
//!
//! Tera stays the template language and the authority: its parser builds the tree lowered here,
//! its filters and tests are called, and anything this program does not reproduce exactly — a
//! tag it does not know, or any error — makes the render fall back to Tera, so output and error
//! messages are Tera's by construction. Tests hold the two equal on every fixture.

use std::borrow::Cow;
use std::collections::HashMap;

use tera::ast::{Expr, ExprVal, LogicOperator, MacroDefinition, Node};
use tera::{Map, Number, Tera, Value};

use super::TextFilter;

type Val<'a> = Cow<'a, Value>;

/// Why a render stopped before its end.
#[derive(Debug)]
enum Stop {
    /// Tera fails here too (an unknown variable, a filter refusing its input). Inside
    /// `{% if name %}` Tera reads such a failure as false, so this one can be caught.
    Failed,
    /// Only Tera can go on from here.
    Fallback,
}

type Run<T> = Result<T, Stop>;

/// An interned variable name; [`LOOP`] is always `loop`.
type Name = u32;
const LOOP: Name = 0;

/// A template ready to render, with the macros it calls.
#[derive(Debug)]
pub struct Program {
    body: Vec<Op>,
    macros: Vec<Macro>,
    names: Vec<String>,
    /// By name: whether a frame can hold it (`loop`, a loop's variable, a `set` target, a
    /// macro's argument). The other names are only ever looked up in the context.
    scoped: Vec<bool>,
}

#[derive(Debug)]
struct Macro {
    body: Vec<Op>,
    /// The argument names, in the order calls pass their values (see [`sorted_args`]).
    args: Vec<Name>,
}

#[derive(Debug)]
enum Op {
    Text(String),
    Print(Expression),
    /// The usual `{{ name.field }}` or `{{ name.field | escape }}`: a variable, no `not` or
    /// `default`, at most one escaping filter, printed without going through [`State::eval`].
    PrintPath {
        path: Path,
        filter: Option<TextFilter>,
    },
    Set {
        name: Name,
        global: bool,
        value: Expression,
    },
    If {
        branches: Vec<(Expression, Vec<Op>)>,
        otherwise: Option<Vec<Op>>,
    },
    For {
        value: Name,
        container: Expression,
        body: Vec<Op>,
        empty: Option<Vec<Op>>,
    },
}

#[derive(Debug)]
struct Expression {
    kind: Kind,
    negated: bool,
    /// The `value` of a `default` filter written first: used when the variable is missing or null.
    default: Option<Box<Expression>>,
    /// The filters to apply, in order (Tera skips `safe` and `default` wherever they stand).
    filters: Vec<Filter>,
}

impl Expression {
    /// Its kind alone: no `not`, no `default`, no filter.
    fn is_bare(&self) -> bool {
        !self.negated && self.default.is_none() && self.filters.is_empty()
    }
}

#[derive(Debug)]
enum Kind {
    Literal(Value),
    Array(Vec<Expression>),
    Concat(Vec<Part>),
    Variable(Path),
    In {
        lhs: Box<Expression>,
        rhs: Box<Expression>,
        negated: bool,
    },
    Test {
        subject: Path,
        tester: Tester,
        args: Vec<Expression>,
        negated: bool,
    },
    Or(Box<Expression>, Box<Expression>),
    And(Box<Expression>, Box<Expression>),
    Equal {
        lhs: Box<Expression>,
        rhs: Box<Expression>,
        equal: bool,
    },
    /// `name == "text"` (or `!=`, either side), a plain variable against a string literal:
    /// compared without evaluating either side into a value.
    EqualText {
        path: Path,
        text: String,
        equal: bool,
    },
    Compare {
        lhs: Box<Expression>,
        rhs: Box<Expression>,
        operator: LogicOperator,
    },
    MacroCall {
        index: usize,
        args: Vec<Expression>,
    },
}

/// A `… is name(args)` test: Tera's three string tests with their one argument are done here
/// (without copying the value tested), the others by Tera.
#[derive(Debug)]
enum Tester {
    StartingWith,
    EndingWith,
    Containing,
    Tera(String),
}

#[derive(Debug)]
enum Part {
    Text(String),
    Variable(Path),
}

#[derive(Debug)]
enum Filter {
    /// One of snipgen's escaping filters, called directly.
    Text(TextFilter),
    /// Any other filter, called through Tera.
    Tera { name: String, args: Vec<(String, Expression)> },
}

/// A dotted variable name: its first part interned, the rest as keys or indexes.
#[derive(Debug)]
struct Path {
    head: Name,
    tail: Vec<Segment>,
    /// `loop.index` and its siblings, when `head` is `loop`.
    loop_field: Option<LoopField>,
}

#[derive(Debug)]
struct Segment {
    key: String,
    /// The key read as an array index, by the rule Tera's pointers use.
    index: Option<usize>,
}

#[derive(Debug, Clone, Copy)]
enum LoopField {
    Index,
    Index0,
    First,
    Last,
}

/// Lowers template `name` of `tera`, or `None` when it uses anything this module does not
/// reproduce exactly (inheritance, includes, functions, math, `break`…): Tera renders those.
pub fn compile(tera: &Tera, name: &str, text_filters: &[(&'static str, TextFilter)]) -> Option<Program> {
    let mut lowering = Lowering {
        tera,
        text_filters,
        names: vec!["loop".to_string()],
        scoped: vec![LOOP],
        macros: Vec::new(),
        macro_index: HashMap::new(),
    };
    let template = tera.get_template(name).ok()?;
    if !template.parents.is_empty() {
        return None;
    }
    let body = lowering.nodes(&template.ast, name)?;
    let macros = lowering.macros.into_iter().collect::<Option<Vec<_>>>()?;
    let mut scoped = vec![false; lowering.names.len()];
    for name in lowering.scoped {
        scoped[name as usize] = true;
    }
    Some(Program { body, macros, names: lowering.names, scoped })
}

struct Lowering<'t> {
    tera: &'t Tera,
    text_filters: &'t [(&'static str, TextFilter)],
    names: Vec<String>,
    /// Names a frame can hold.
    scoped: Vec<Name>,
    /// Lowered macros by index; `None` while one's body is being lowered (a call from inside
    /// it already has the index).
    macros: Vec<Option<Macro>>,
    macro_index: HashMap<(String, String), usize>,
}

impl<'t> Lowering<'t> {
    /// A name a frame can hold: assigned by `set`, `for` or a macro call.
    fn scoped_name(&mut self, name: &str) -> Name {
        let id = self.name(name);
        self.scoped.push(id);
        id
    }

    fn name(&mut self, name: &str) -> Name {
        match self.names.iter().position(|n| n == name) {
            Some(i) => i as Name,
            None => {
                self.names.push(name.to_string());
                (self.names.len() - 1) as Name
            }
        }
    }

    /// `template` is the file the nodes are written in: macro namespaces are its imports.
    fn nodes(&mut self, nodes: &[Node], template: &str) -> Option<Vec<Op>> {
        let mut ops = Vec::with_capacity(nodes.len());
        for node in nodes {
            match node {
                Node::Text(text) | Node::Raw(_, text, _) => ops.push(Op::Text(text.clone())),
                Node::VariableBlock(_, expr) => ops.push(print(self.expr(expr, template)?)),
                Node::Set(_, set) => ops.push(Op::Set {
                    name: self.scoped_name(&set.key),
                    global: set.global,
                    value: self.expr(&set.value, template)?,
                }),
                Node::If(branching, _) => {
                    let mut branches = Vec::with_capacity(branching.conditions.len());
                    for (_, condition, body) in &branching.conditions {
                        branches.push((self.expr(condition, template)?, self.nodes(body, template)?));
                    }
                    let otherwise = match &branching.otherwise {
                        Some((_, body)) => Some(self.nodes(body, template)?),
                        None => None,
                    };
                    ops.push(Op::If { branches, otherwise });
                }
                Node::Forloop(_, for_loop, _) => {
                    if for_loop.key.is_some()
                        || !matches!(for_loop.container.val, ExprVal::Ident(_) | ExprVal::Array(_))
                    {
                        return None;
                    }
                    let empty = match &for_loop.empty_body {
                        Some(body) => Some(self.nodes(body, template)?),
                        None => None,
                    };
                    ops.push(Op::For {
                        value: self.scoped_name(&for_loop.value),
                        container: self.expr(&for_loop.container, template)?,
                        body: self.nodes(&for_loop.body, template)?,
                        empty,
                    });
                }
                Node::Comment(..) | Node::ImportMacro(..) | Node::MacroDefinition(..) => {}
                Node::Super
                | Node::Extends(..)
                | Node::Include(..)
                | Node::FilterSection(..)
                | Node::Block(..)
                | Node::Break(_)
                | Node::Continue(_) => return None,
            }
        }
        Some(ops)
    }

    fn expr(&mut self, expr: &Expr, template: &str) -> Option<Expression> {
        let kind = match &expr.val {
            ExprVal::String(s) => Kind::Literal(Value::String(s.clone())),
            ExprVal::Int(i) => Kind::Literal(Value::Number((*i).into())),
            ExprVal::Float(f) => Kind::Literal(Value::Number(Number::from_f64(*f)?)),
            ExprVal::Bool(b) => Kind::Literal(Value::Bool(*b)),
            ExprVal::Ident(name) => Kind::Variable(self.path(name)?),
            ExprVal::Array(items) => {
                let items: Vec<Expression> =
                    items.iter().map(|e| self.expr(e, template)).collect::<Option<_>>()?;
                // An array of literals (`body_kind in ["json", "text"]`) is one value, made
                // here once instead of on every render.
                let literal = |item: &Expression| match &item.kind {
                    Kind::Literal(value) if item.is_bare() => Some(value.clone()),
                    _ => None,
                };
                match items.iter().map(literal).collect::<Option<Vec<Value>>>() {
                    Some(values) => Kind::Literal(Value::Array(values)),
                    None => Kind::Array(items),
                }
            }
            ExprVal::StringConcat(concat) => {
                let mut parts = Vec::with_capacity(concat.values.len());
                for value in &concat.values {
                    parts.push(match value {
                        ExprVal::String(s) => Part::Text(s.clone()),
                        ExprVal::Int(i) => Part::Text(i.to_string()),
                        ExprVal::Float(f) => Part::Text(f.to_string()),
                        ExprVal::Ident(name) => Part::Variable(self.path(name)?),
                        _ => return None,
                    });
                }
                Kind::Concat(parts)
            }
            ExprVal::In(within) => Kind::In {
                lhs: Box::new(self.expr(&within.lhs, template)?),
                rhs: Box::new(self.expr(&within.rhs, template)?),
                negated: within.negated,
            },
            ExprVal::Test(test) => {
                self.tera.get_tester(&test.name).ok()?;
                let tester = match (test.name.as_str(), test.args.len()) {
                    ("starting_with", 1) => Tester::StartingWith,
                    ("ending_with", 1) => Tester::EndingWith,
                    ("containing", 1) => Tester::Containing,
                    (name, _) => Tester::Tera(name.to_string()),
                };
                Kind::Test {
                    subject: self.path(&test.ident)?,
                    tester,
                    args: test.args.iter().map(|e| self.expr(e, template)).collect::<Option<_>>()?,
                    negated: test.negated,
                }
            }
            ExprVal::Logic(logic) => {
                let lhs = Box::new(self.expr(&logic.lhs, template)?);
                let rhs = Box::new(self.expr(&logic.rhs, template)?);
                match logic.operator {
                    LogicOperator::Or => Kind::Or(lhs, rhs),
                    LogicOperator::And => Kind::And(lhs, rhs),
                    LogicOperator::Eq => equal(*lhs, *rhs, true),
                    LogicOperator::NotEq => equal(*lhs, *rhs, false),
                    operator @ (LogicOperator::Gt
                    | LogicOperator::Gte
                    | LogicOperator::Lt
                    | LogicOperator::Lte) => Kind::Compare { lhs, rhs, operator },
                }
            }
            ExprVal::MacroCall(call) => {
                let (file, definition) = self.find_macro(template, &call.namespace, &call.name)?;
                let key = (file.to_string(), call.name.clone());
                let index = match self.macro_index.get(&key) {
                    Some(&i) => i,
                    None => self.lower_macro(key, file, definition)?,
                };
                // Tera passes the definition's arguments (an extra one in the call is ignored),
                // each from the call or else its default, evaluated where the call stands.
                let mut args = Vec::with_capacity(definition.args.len());
                for arg in sorted_args(definition) {
                    let value = call.args.get(&arg).or(definition.args[&arg].as_ref())?;
                    args.push(self.expr(value, template)?);
                }
                Kind::MacroCall { index, args }
            }
            ExprVal::Math(_) | ExprVal::FunctionCall(_) => return None,
        };
        let mut default = None;
        let mut filters = Vec::with_capacity(expr.filters.len());
        for (i, call) in expr.filters.iter().enumerate() {
            match call.name.as_str() {
                "default" if i == 0 => {
                    default = Some(Box::new(self.expr(call.args.get("value")?, template)?))
                }
                "default" | "safe" => {}
                name => match self.text_filters.iter().find(|(n, _)| *n == name) {
                    Some((_, f)) if call.args.is_empty() => filters.push(Filter::Text(*f)),
                    Some(_) => return None,
                    None => {
                        self.tera.get_filter(name).ok()?;
                        let mut args = Vec::with_capacity(call.args.len());
                        for (arg, value) in &call.args {
                            args.push((arg.clone(), self.expr(value, template)?));
                        }
                        filters.push(Filter::Tera { name: name.to_string(), args });
                    }
                },
            }
        }
        Some(Expression { kind, negated: expr.negated, default, filters })
    }

    /// A dotted name Tera would look up without quoting, brackets or escapes.
    fn path(&mut self, name: &str) -> Option<Path> {
        if name == "__tera_context" || name.contains(['[', ']', '"', '\'', '\\', '~']) {
            return None;
        }
        let mut parts = name.split('.');
        let head = parts.next()?;
        let tail: Vec<Segment> =
            parts.map(|key| Segment { key: key.to_string(), index: array_index(key) }).collect();
        if head.is_empty() || tail.iter().any(|s| s.key.is_empty()) {
            return None;
        }
        let loop_field = match (head, tail.as_slice()) {
            ("loop", [field]) => match field.key.as_str() {
                "index" => Some(LoopField::Index),
                "index0" => Some(LoopField::Index0),
                "first" => Some(LoopField::First),
                "last" => Some(LoopField::Last),
                _ => None,
            },
            _ => None,
        };
        Some(Path { head: self.name(head), tail, loop_field })
    }

    /// The macro `namespace::name` as Tera finds it from `template`: the template's own macros
    /// (`self`), its imports, and the namespaces those import in turn.
    fn find_macro(
        &self,
        template: &str,
        namespace: &str,
        name: &str,
    ) -> Option<(&'t str, &'t MacroDefinition)> {
        let (file, macros) = self.namespaces(template, &mut Vec::new())?.remove(namespace)?;
        Some((file, macros.get(name)?))
    }

    #[allow(clippy::type_complexity)]
    fn namespaces(
        &self,
        template: &str,
        seen: &mut Vec<String>,
    ) -> Option<HashMap<String, (&'t str, &'t HashMap<String, MacroDefinition>)>> {
        // An import cycle makes Tera's answer depend on its visiting order: leave it to Tera.
        if seen.iter().any(|s| s == template) {
            return None;
        }
        seen.push(template.to_string());
        let tpl = self.tera.get_template(template).ok()?;
        if !tpl.parents.is_empty() {
            return None;
        }
        let mut map = HashMap::new();
        if !tpl.macros.is_empty() {
            map.insert("self".to_string(), (tpl.name.as_str(), &tpl.macros));
        }
        for (file, namespace) in &tpl.imported_macro_files {
            let imported = self.tera.get_template(file).ok()?;
            map.insert(namespace.clone(), (imported.name.as_str(), &imported.macros));
            for (ns, entry) in self.namespaces(file, seen)? {
                map.entry(ns).or_insert(entry);
            }
        }
        seen.pop();
        Some(map)
    }

    fn lower_macro(
        &mut self,
        key: (String, String),
        file: &str,
        definition: &MacroDefinition,
    ) -> Option<usize> {
        let index = self.macros.len();
        self.macros.push(None);
        self.macro_index.insert(key, index);
        let args = sorted_args(definition).iter().map(|arg| self.scoped_name(arg)).collect();
        let file = file.to_string();
        let body = self.nodes(&definition.body, &file)?;
        self.macros[index] = Some(Macro { body, args });
        Some(index)
    }
}

/// `{{ expr }}`, as [`Op::PrintPath`] where it has that shape.
fn print(expr: Expression) -> Op {
    match expr {
        Expression { kind: Kind::Variable(path), negated: false, default: None, filters } => {
            match filters.as_slice() {
                [] => Op::PrintPath { path, filter: None },
                [Filter::Text(f)] => Op::PrintPath { path, filter: Some(*f) },
                _ => Op::Print(Expression {
                    kind: Kind::Variable(path),
                    negated: false,
                    default: None,
                    filters,
                }),
            }
        }
        expr => Op::Print(expr),
    }
}

/// `lhs == rhs` (`!=` when not `equal`), as [`Kind::EqualText`] where it has that shape.
fn equal(lhs: Expression, rhs: Expression, equal: bool) -> Kind {
    match (lhs, rhs) {
        (l, r) if !l.is_bare() || !r.is_bare() => Kind::Equal { lhs: Box::new(l), rhs: Box::new(r), equal },
        (
            Expression { kind: Kind::Variable(path), .. },
            Expression { kind: Kind::Literal(Value::String(text)), .. },
        )
        | (
            Expression { kind: Kind::Literal(Value::String(text)), .. },
            Expression { kind: Kind::Variable(path), .. },
        ) => Kind::EqualText { path, text, equal },
        (l, r) => Kind::Equal { lhs: Box::new(l), rhs: Box::new(r), equal },
    }
}

/// A macro's argument names in a fixed order (Tera keeps them in a hash map).
fn sorted_args(definition: &MacroDefinition) -> Vec<String> {
    let mut names: Vec<String> = definition.args.keys().cloned().collect();
    names.sort();
    names
}

/// The first capacity of a text built while rendering (a `~` concatenation, a macro's
/// output): most fit, so most are allocated once instead of grown three or four times.
const TEXT_START: usize = 128;

/// Tera's (and serde_json's) reading of a pointer token as an array index.
fn array_index(key: &str) -> Option<usize> {
    if key.starts_with('+') || (key.starts_with('0') && key.len() != 1) {
        return None;
    }
    key.parse().ok()
}

impl Program {
    /// Appends the template's text for `context`, with `extra` added to (or replacing) its
    /// top-level names, to `out`; `None` where Tera must render it (it then gives the same
    /// text, or the error), `out` then holding a part of the text.
    pub fn render_into(
        &self,
        tera: &Tera,
        context: &Map<String, Value>,
        extra: &[(&str, &Value)],
        out: &mut String,
    ) -> Option<()> {
        let mut state = State {
            program: self,
            tera,
            context,
            extra,
            // Room for the usual nesting (a loop in a macro in a loop) without growing.
            frames: {
                let mut frames = Vec::with_capacity(4);
                frames.push(Frame { kind: FrameKind::Top, vars: Vec::new(), looping: None });
                frames
            },
            roots: vec![None; self.names.len()],
        };
        state.ops(&self.body, out).ok()
    }

    /// The rendered text, or `None` when only Tera can render this.
    #[cfg(test)]
    fn render(&self, tera: &Tera, context: &Map<String, Value>, extra: &[(&str, &Value)]) -> Option<String> {
        let mut out = String::new();
        self.render_into(tera, context, extra, &mut out)?;
        Some(out)
    }
}

#[derive(PartialEq)]
enum FrameKind {
    Top,
    Macro,
    ForLoop,
}

struct Frame<'a> {
    kind: FrameKind,
    /// What `set` (or a macro call) put in this frame; a later `set` replaces.
    vars: Vec<(Name, Val<'a>)>,
    looping: Option<Looping<'a>>,
}

struct Looping<'a> {
    value: Name,
    items: Val<'a>,
    current: usize,
    len: usize,
}

impl<'a> Looping<'a> {
    fn current(&self) -> Val<'a> {
        match &self.items {
            Cow::Borrowed(Value::Array(items)) => Cow::Borrowed(&items[self.current]),
            Cow::Owned(Value::Array(items)) => Cow::Owned(items[self.current].clone()),
            _ => unreachable!("only arrays are looped over"),
        }
    }

    fn field(&self, field: LoopField) -> Value {
        match field {
            LoopField::Index => Value::Number((self.current + 1).into()),
            LoopField::Index0 => Value::Number(self.current.into()),
            LoopField::First => Value::Bool(self.current == 0),
            LoopField::Last => Value::Bool(self.current == self.len - 1),
        }
    }
}

struct State<'a> {
    program: &'a Program,
    tera: &'a Tera,
    context: &'a Map<String, Value>,
    extra: &'a [(&'a str, &'a Value)],
    frames: Vec<Frame<'a>>,
    /// The render context's top-level values, looked up on first use.
    roots: Vec<Option<Option<&'a Value>>>,
}

impl<'a> State<'a> {
    fn ops(&mut self, ops: &'a [Op], out: &mut String) -> Run<()> {
        for op in ops {
            match op {
                Op::Text(text) => out.push_str(text),
                Op::Print(expr) => match expr.filters.split_last() {
                    // The usual `{{ value | escape }}`: the filter writes into the output.
                    Some((Filter::Text(f), before)) if !expr.negated => {
                        match self.eval_with(expr, before)?.as_deref() {
                            Some(Value::String(s)) => f(s, out),
                            _ => return Err(Stop::Failed),
                        }
                    }
                    _ => {
                        let value = self.eval(expr)?;
                        write_value(&value, out);
                    }
                },
                Op::PrintPath { path, filter } => match (self.lookup(path).as_deref(), filter) {
                    (Some(Value::String(s)), Some(f)) => f(s, out),
                    (Some(value), None) => write_value(value, out),
                    _ => return Err(Stop::Failed),
                },
                Op::Set { name, global, value } => {
                    let value = self.eval(value)?;
                    let frame = if *global {
                        let at = self
                            .frames
                            .iter()
                            .rposition(|f| f.kind != FrameKind::ForLoop)
                            .expect("a top frame");
                        &mut self.frames[at]
                    } else {
                        self.frames.last_mut().expect("a top frame")
                    };
                    match frame.vars.iter_mut().find(|(n, _)| n == name) {
                        Some(slot) => slot.1 = value,
                        None => frame.vars.push((*name, value)),
                    }
                }
                Op::If { branches, otherwise } => {
                    let mut taken = None;
                    for (condition, body) in branches {
                        if self.truth(condition)? {
                            taken = Some(body);
                            break;
                        }
                    }
                    if let Some(body) = taken.or(otherwise.as_ref()) {
                        self.ops(body, out)?;
                    }
                }
                Op::For { value, container, body, empty } => {
                    let items = self.eval(container)?;
                    let len = match &*items {
                        Value::Array(items) => items.len(),
                        // Tera loops over a string's characters, or fails: leave both to it.
                        _ => return Err(Stop::Fallback),
                    };
                    if len == 0 {
                        if let Some(empty) = empty {
                            self.ops(empty, out)?;
                        }
                        continue;
                    }
                    self.frames.push(Frame {
                        kind: FrameKind::ForLoop,
                        vars: Vec::new(),
                        looping: Some(Looping { value: *value, items, current: 0, len }),
                    });
                    for _ in 0..len {
                        self.ops(body, out)?;
                        let frame = self.frames.last_mut().expect("the loop's frame");
                        // Tera forgets what the body `set` before each new item.
                        frame.vars.clear();
                        if let Some(looping) = &mut frame.looping {
                            looping.current += 1;
                        }
                    }
                    self.frames.pop();
                }
            }
        }
        Ok(())
    }

    /// Tera's lookup: the frames from the innermost out (set values, then the loop's own names)
    /// up to the first macro or top frame, then the render context.
    fn lookup(&mut self, path: &'a Path) -> Option<Val<'a>> {
        let frames = if self.program.scoped[path.head as usize] { &self.frames[..] } else { &[] };
        for frame in frames.iter().rev() {
            if let Some((_, value)) = frame.vars.iter().find(|(n, _)| *n == path.head) {
                if path.tail.is_empty() {
                    return Some(value.clone());
                }
                if let Some(found) = pointer_val(value, &path.tail) {
                    return Some(found);
                }
            }
            if let Some(looping) = &frame.looping {
                if path.head == LOOP {
                    if let Some(field) = path.loop_field {
                        return Some(Cow::Owned(looping.field(field)));
                    }
                } else if path.head == looping.value {
                    let current = looping.current();
                    if path.tail.is_empty() {
                        return Some(current);
                    }
                    if let Some(found) = pointer_val(&current, &path.tail) {
                        return Some(found);
                    }
                }
            }
            if frame.kind != FrameKind::ForLoop {
                break;
            }
        }
        let head = path.head as usize;
        let root = match self.roots[head] {
            Some(root) => root,
            None => {
                let name = self.program.names[head].as_str();
                let root = match self.extra.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => Some(*value),
                    None => field(self.context, name),
                };
                self.roots[head] = Some(root);
                root
            }
        }?;
        pointer(root, &path.tail).map(Cow::Borrowed)
    }

    fn eval(&mut self, expr: &'a Expression) -> Run<Val<'a>> {
        match self.eval_with(expr, &expr.filters)? {
            Some(value) if expr.negated => Ok(Cow::Owned(Value::Bool(!truthy(&value)))),
            Some(value) => Ok(value),
            // Tera makes `not missing` true at once, before any filter.
            None => Ok(Cow::Owned(Value::Bool(true))),
        }
    }

    /// `expr`'s value through `filters` (a prefix of its own), before its `not`; `None` for a
    /// missing variable under `not`.
    fn eval_with(&mut self, expr: &'a Expression, filters: &'a [Filter]) -> Run<Option<Val<'a>>> {
        let mut value = match &expr.kind {
            Kind::Literal(value) => Cow::Borrowed(value),
            Kind::Array(items) => {
                let mut values = Vec::with_capacity(items.len());
                for item in items {
                    values.push(self.eval(item)?.into_owned());
                }
                Cow::Owned(Value::Array(values))
            }
            Kind::Concat(parts) => {
                let mut text = String::with_capacity(TEXT_START);
                for part in parts {
                    match part {
                        Part::Text(s) => text.push_str(s),
                        Part::Variable(path) => match self.lookup(path).as_deref() {
                            Some(Value::String(s)) => text.push_str(s),
                            Some(Value::Number(n)) => text.push_str(&n.to_string()),
                            _ => return Err(Stop::Failed),
                        },
                    }
                }
                Cow::Owned(Value::String(text))
            }
            // `default` stands in for a missing or null value.
            Kind::Variable(path) => match (self.lookup(path), &expr.default) {
                (Some(value), Some(default)) if value.is_null() => self.eval(default)?,
                (Some(value), _) => value,
                (None, Some(default)) => self.eval(default)?,
                (None, None) if expr.negated => return Ok(None),
                (None, None) => return Err(Stop::Failed),
            },
            Kind::In { lhs, rhs, negated } => Cow::Owned(Value::Bool(self.within(lhs, rhs)? != *negated)),
            Kind::Test { subject, tester, args, negated } => {
                Cow::Owned(Value::Bool(self.test(subject, tester, args)? != *negated))
            }
            Kind::Or(..)
            | Kind::And(..)
            | Kind::Equal { .. }
            | Kind::EqualText { .. }
            | Kind::Compare { .. } => {
                // Tera evaluates these as a condition, the expression's `not` included, then
                // applies its filters and `not` once more.
                Cow::Owned(Value::Bool(self.truth(expr)?))
            }
            Kind::MacroCall { index, args } => {
                let mut text = String::with_capacity(TEXT_START);
                self.call_macro(*index, args, &mut text)?;
                Cow::Owned(Value::String(text))
            }
        };
        for filter in filters {
            value = Cow::Owned(self.filter(&value, filter)?);
        }
        Ok(Some(value))
    }

    fn filter(&mut self, value: &Value, filter: &'a Filter) -> Run<Value> {
        match filter {
            Filter::Text(f) => match value {
                Value::String(s) => Ok(Value::String(crate::encode::owned(s, *f))),
                _ => Err(Stop::Failed),
            },
            Filter::Tera { name, args } => {
                let mut arguments = HashMap::with_capacity(args.len());
                for (arg, expr) in args {
                    arguments.insert(arg.clone(), self.eval(expr)?.into_owned());
                }
                let filter = self.tera.get_filter(name).map_err(|_| Stop::Fallback)?;
                filter.filter(value, &arguments).map_err(|_| Stop::Failed)
            }
        }
    }

    fn call_macro(&mut self, index: usize, args: &'a [Expression], out: &mut String) -> Run<()> {
        let program: &'a Program = self.program;
        let definition = &program.macros[index];
        let mut vars = Vec::with_capacity(args.len());
        for (name, expr) in definition.args.iter().zip(args) {
            vars.push((*name, self.eval(expr)?));
        }
        self.frames.push(Frame { kind: FrameKind::Macro, vars, looping: None });
        let result = self.ops(&definition.body, out);
        self.frames.pop();
        result
    }

    /// Tera's reading of an expression as a condition (`eval_as_bool`), quirks included.
    fn truth(&mut self, expr: &'a Expression) -> Run<bool> {
        let result = match &expr.kind {
            Kind::Or(lhs, rhs) => self.truth(lhs)? || self.truth(rhs)?,
            Kind::And(lhs, rhs) => self.truth(lhs)? && self.truth(rhs)?,
            Kind::Equal { lhs, rhs, equal } => {
                let mut left = self.eval(lhs)?;
                let mut right = self.eval(rhs)?;
                if left.is_number() || right.is_number() {
                    // Tera compares numbers only with numbers, and returns before its `not`.
                    if !left.is_number() || !right.is_number() {
                        return Ok(false);
                    }
                    left = Cow::Owned(Value::Number(as_float_number(&left)?));
                    right = Cow::Owned(Value::Number(as_float_number(&right)?));
                }
                (left == right) == *equal
            }
            Kind::EqualText { path, text, equal } => match self.lookup(path).as_deref() {
                None => return Err(Stop::Failed),
                // As in `Equal`: a number is only compared with a number.
                Some(Value::Number(_)) => return Ok(false),
                Some(Value::String(s)) => (s == text) == *equal,
                Some(_) => !*equal,
            },
            Kind::Compare { lhs, rhs, operator } => {
                let (left, right) = (self.number(lhs)?, self.number(rhs)?);
                match operator {
                    LogicOperator::Gt => left > right,
                    LogicOperator::Gte => left >= right,
                    LogicOperator::Lt => left < right,
                    _ => left <= right,
                }
            }
            // A plain variable: its truth, or false where it is missing.
            Kind::Variable(path) if expr.filters.is_empty() && expr.default.is_none() => {
                self.lookup(path).is_some_and(|value| truthy(&value))
            }
            Kind::Variable(_) => {
                let truth = match self.eval(expr) {
                    Ok(value) => truthy(&value),
                    Err(Stop::Failed) => false,
                    Err(Stop::Fallback) => return Err(Stop::Fallback),
                };
                if expr.negated { !truth } else { truth }
            }
            Kind::Literal(Value::Number(n)) => n.as_f64().is_some_and(|f| f != 0.0),
            Kind::Literal(Value::Bool(b)) => *b,
            Kind::Literal(Value::String(s)) => !s.is_empty(),
            Kind::In { lhs, rhs, negated } => self.within(lhs, rhs)? != *negated,
            Kind::Test { subject, tester, args, negated } => self.test(subject, tester, args)? != *negated,
            Kind::Concat(_) => match &*self.eval(expr)? {
                Value::String(s) => !s.is_empty(),
                _ => return Err(Stop::Fallback),
            },
            Kind::MacroCall { index, args } => {
                let mut text = String::new();
                self.call_macro(*index, args, &mut text)?;
                !text.is_empty()
            }
            Kind::Literal(_) | Kind::Array(_) => return Err(Stop::Fallback),
        };
        Ok(if expr.negated { !result } else { result })
    }

    /// An operand of `<`, `>`, `<=` or `>=` as Tera reads it: filtered expressions must give a
    /// number, variables must hold one, literals must be one.
    fn number(&mut self, expr: &'a Expression) -> Run<f64> {
        if !expr.filters.is_empty() {
            return match &*self.eval(expr)? {
                Value::Number(n) => n.as_f64().ok_or(Stop::Fallback),
                _ => Err(Stop::Failed),
            };
        }
        match &expr.kind {
            Kind::Variable(path) => match self.lookup(path).as_deref() {
                Some(Value::Number(n)) if n.is_i64() => Ok(n.as_i64().unwrap_or_default() as f64),
                Some(Value::Number(n)) if n.is_u64() => Ok(n.as_u64().unwrap_or_default() as f64),
                // Tera goes through `Number::from_f64`, which refuses (and Tera then panics on)
                // infinities; a finite value comes back unchanged.
                Some(Value::Number(n)) if n.is_f64() => {
                    n.as_f64().filter(|f| f.is_finite()).ok_or(Stop::Fallback)
                }
                _ => Err(Stop::Failed),
            },
            Kind::Literal(Value::Number(n)) => n.as_f64().ok_or(Stop::Fallback),
            // An array literal, folded at lowering: as `Kind::Array` below.
            Kind::Literal(Value::Array(_)) => Err(Stop::Fallback),
            Kind::Literal(_) | Kind::Concat(_) | Kind::Test { .. } => Err(Stop::Failed),
            // Tera does not expect these here (it panics): leave them to it.
            _ => Err(Stop::Fallback),
        }
    }

    fn test(&mut self, subject: &'a Path, tester: &'a Tester, args: &'a [Expression]) -> Run<bool> {
        let tester = match tester {
            Tester::Tera(name) => name,
            known => {
                // Tera's rules: the value must be defined, and (but for an array's `containing`)
                // it and the argument strings.
                let argument = self.eval(&args[0])?;
                let value = self.lookup(subject).ok_or(Stop::Failed)?;
                return match (known, &*value, &*argument) {
                    (Tester::StartingWith, Value::String(v), Value::String(a)) => {
                        Ok(v.starts_with(a.as_str()))
                    }
                    (Tester::EndingWith, Value::String(v), Value::String(a)) => Ok(v.ends_with(a.as_str())),
                    (Tester::Containing, Value::String(v), Value::String(a)) => Ok(v.contains(a.as_str())),
                    (Tester::Containing, Value::Array(items), a) => Ok(items.contains(a)),
                    (Tester::Containing, Value::Object(map), Value::String(a)) => Ok(map.contains_key(a)),
                    _ => Err(Stop::Failed),
                };
            }
        };
        let mut arguments = Vec::with_capacity(args.len());
        for arg in args {
            arguments.push(self.eval(arg)?.into_owned());
        }
        let found = self.lookup(subject).map(Cow::into_owned);
        let tester = self.tera.get_tester(tester).map_err(|_| Stop::Fallback)?;
        tester.test(found.as_ref(), &arguments).map_err(|_| Stop::Failed)
    }

    fn within(&mut self, lhs: &'a Expression, rhs: &'a Expression) -> Run<bool> {
        let needle = self.eval(lhs)?;
        let haystack = self.eval(rhs)?;
        match (&*haystack, &*needle) {
            (Value::Array(items), _) => Ok(items.contains(&needle)),
            (Value::String(s), Value::String(n)) => Ok(s.contains(n.as_str())),
            (Value::Object(map), Value::String(n)) => Ok(map.contains_key(n)),
            _ => Err(Stop::Failed),
        }
    }
}

/// A number as Tera compares it: through an `f64`.
fn as_float_number(value: &Value) -> Run<Number> {
    value.as_f64().and_then(Number::from_f64).ok_or(Stop::Fallback)
}

fn pointer<'v>(value: &'v Value, tail: &[Segment]) -> Option<&'v Value> {
    tail.iter().try_fold(value, |value, segment| match value {
        Value::Object(map) => field(map, &segment.key),
        Value::Array(items) => items.get(segment.index?),
        _ => None,
    })
}

/// `map[key]`. The render context's objects are small (a request's fields, a header's name
/// and value), where comparing the keys beats hashing the one looked for.
fn field<'v>(map: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
    if map.len() > 24 {
        return map.get(key);
    }
    map.iter().find(|(k, _)| k.as_str() == key).map(|(_, v)| v)
}

fn pointer_val<'a>(value: &Val<'a>, tail: &[Segment]) -> Option<Val<'a>> {
    match value {
        Cow::Borrowed(v) => pointer(v, tail).map(Cow::Borrowed),
        Cow::Owned(v) => pointer(v, tail).map(|found| Cow::Owned(found.clone())),
    }
}

/// Tera's truthiness: zero, empty and null are false.
fn truthy(value: &Value) -> bool {
    match value {
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i != 0
            } else if let Some(u) = n.as_u64() {
                u != 0
            } else {
                n.as_f64().is_some_and(|f| f != 0.0 && !f.is_nan())
            }
        }
        Value::Bool(b) => *b,
        Value::Null => false,
        Value::String(s) => !s.is_empty(),
        Value::Array(items) => !items.is_empty(),
        Value::Object(map) => !map.is_empty(),
    }
}

/// A value as Tera prints it.
fn write_value(value: &Value, out: &mut String) {
    use std::fmt::Write;
    match value {
        Value::String(s) => out.push_str(s),
        Value::Number(n) => {
            let _ = if let Some(i) = n.as_i64() {
                write!(out, "{i}")
            } else if let Some(u) = n.as_u64() {
                write!(out, "{u}")
            } else if let Some(f) = n.as_f64() {
                write!(out, "{f}")
            } else {
                Ok(())
            };
        }
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Null => {}
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_value(item, out);
            }
            out.push(']');
        }
        Value::Object(_) => out.push_str("[object]"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shout(s: &str, out: &mut String) {
        out.push_str(&s.to_uppercase());
    }

    const FILTERS: [(&str, TextFilter); 1] = [("shout", shout)];

    /// Renders `source` with both engines; returns the lowered text and Tera's result.
    fn both(
        source: &str,
        macros: &str,
        context: serde_json::Value,
    ) -> (Option<String>, Result<String, String>) {
        let mut tera = Tera::default();
        tera.autoescape_on(vec![]);
        tera.add_raw_templates([("m.tera", macros), ("t.tera", source)]).unwrap();
        tera.register_filter("shout", |v: &Value, _: &HashMap<String, Value>| match v {
            Value::String(s) => Ok(Value::String(s.to_uppercase())),
            _ => Err(tera::Error::msg("not a string")),
        });
        let program = compile(&tera, "t.tera", &FILTERS).expect("lowered");
        let extra = Value::String("extra".into());
        let lowered = program.render(&tera, context.as_object().unwrap(), &[("shadowed", &extra)]);
        let mut context = tera::Context::from_value(context).unwrap();
        context.insert("shadowed", &extra);
        (lowered, tera.render("t.tera", &context).map_err(|e| format!("{e:?}")))
    }

    #[track_caller]
    fn same(source: &str, context: serde_json::Value) {
        let (lowered, tera) = both(source, "", context);
        assert_eq!(lowered.as_deref(), Some(tera.expect("Tera renders it").as_str()), "{source}");
    }

    /// Where Tera fails, the lowered template must leave the render to it.
    #[track_caller]
    fn agrees(source: &str, context: serde_json::Value) {
        match both(source, "", context) {
            (lowered, Ok(text)) => assert_eq!(lowered, Some(text), "{source}"),
            (lowered, Err(_)) => assert_eq!(lowered, None, "{source}"),
        }
    }

    fn context() -> serde_json::Value {
        serde_json::json!({
            "s": "a.b", "empty": "", "shadowed": "context", "zero": 0, "big": 18446744073709551615u64, "neg": -3, "half": 0.5,
            "yes": true, "no": false, "nothing": null, "list": ["x", "", "z"], "none": [],
            "obj": {"k": "v", "n": 2, "inner": {"deep": "d"}, "items": [{"name": "p"}, {"name": "q"}]},
        })
    }

    #[test]
    fn printing_and_lookups_match_tera() {
        for source in [
            "{{ s }}|{{ shadowed }}|{{ zero }}|{{ big }}|{{ neg }}|{{ half }}|{{ yes }}|{{ nothing }}|{{ list }}|{{ obj }}",
            "{{ obj.k }}{{ obj.inner.deep }}{{ obj.items.1.name }}{{ list.0 }}{{ obj.n }}",
            "{{ s | shout }}{{ obj.k | shout }}{% for i in obj.items %}{{ i.name | shout }}{{ i }}{% endfor %}",
            "{{ s ~ '-' ~ obj.n ~ 1 ~ 2.5 }}|{{ 'lit' }}|{{ 7 }}|{{ [1, 's', s] }}",
            "{{ s | shout }}{{ s | upper | lower }}{{ list | length }}{{ s | replace(from='.', to='/') }}",
            "{{ missing | default(value='d') }}{{ nothing | default(value=s) }}{{ s | default(value='x') }}",
            "{{ not missing | shout }}{{ s | shout | lower | shout }}{{ s ~ obj.k | shout }}{{ 'lit' | shout }}",
            "{{ not missing }}{{ not s }}{{ not empty }}{{ s is containing('.') }}{{ 'b' in s }}{{ 'q' not in list }}",
        ] {
            same(source, context());
        }
    }

    #[test]
    fn conditions_match_tera() {
        let cases = [
            "yes",
            "no",
            "nothing",
            "missing",
            "not missing",
            "obj.missing",
            "not obj.missing",
            "empty",
            "s",
            "zero",
            "half",
            "list",
            "none",
            "obj",
            "yes and no",
            "yes or no",
            "not yes and not no",
            "s == 'a.b'",
            "s != 'a.b'",
            "zero == 0",
            "zero == 0.0",
            "zero == '0'",
            "not zero == 0",
            "neg < 0",
            "list | length > 2",
            "obj.n >= 2",
            "half <= 0.5",
            "'a' in s",
            "'x' in list",
            "'k' in obj",
            "s is starting_with('a')",
            "s is not ending_with('b')",
            "missing is defined",
            "missing is undefined",
            "s ~ empty",
            "1",
            "0",
            "'t'",
            "''",
            "true",
            "(yes or no) and not no",
            "list.0",
            "list.1",
            "obj.items.0.name == 'p'",
            // A variable against a string, either side: compared without evaluating either.
            "'a.b' == s",
            "'x' != s",
            "not s == 'a.b'",
            "yes == 'true'",
            "nothing != 'x'",
            "list == 'x'",
            "neg != '-3'",
            "half == '0.5'",
            "obj.k == 'v' and s != ''",
            "s == 'a.b' | upper",
        ];
        for condition in cases {
            same(&format!("{{% if {condition} %}}T{{% else %}}F{{% endif %}}"), context());
            agrees(&format!("{{{{ {condition} }}}}"), context());
        }
        for condition in ["missing == 'x'", "'x' != obj.missing", "not missing == 'x'"] {
            agrees(&format!("{{% if {condition} %}}T{{% else %}}F{{% endif %}}"), context());
            agrees(&format!("{{{{ {condition} }}}}"), context());
        }
        // Tests done natively, where Tera succeeds and where it fails.
        for condition in [
            "list is containing('x')",
            "list is containing(1)",
            "obj is containing('k')",
            "obj is containing('z')",
            "s is containing(empty)",
            "zero is containing('0')",
            "missing is starting_with('a')",
            "s is starting_with(1)",
            "obj.k is ending_with('v')",
            "s is not containing('.')",
            "s is containing('a', 'b')",
        ] {
            agrees(&format!("{{% if {condition} %}}T{{% else %}}F{{% endif %}}"), context());
            agrees(&format!("{{{{ {condition} }}}}"), context());
        }
    }

    #[test]
    fn loops_and_sets_match_tera() {
        for source in [
            "{% for x in list %}{{ loop.index }}{{ loop.index0 }}{{ loop.first }}{{ loop.last }}{{ x }},{% endfor %}",
            "{% for x in none %}{{ x }}{% else %}empty{% endfor %}",
            "{% for i in obj.items %}{% for x in list %}{{ i.name }}{{ x }}{{ loop.last }};{% endfor %}{{ loop.index }}{% endfor %}",
            "{% set a = 1 %}{% for x in list %}{{ a }}{% set a = x %}{{ a }}{% endfor %}{{ a }}",
            "{% set_global g = 'g0' %}{% for x in list %}{% set_global g = g ~ x %}{% endfor %}{{ g }}",
            "{% for x in list %}{% set s = x %}{{ s }}{% endfor %}{{ s }}",
            "{% for x in list %}{% if x %}{% set t = x %}{% endif %}{{ t | default(value='-') }}{% endfor %}",
            "{% for x in [1, 2] %}{{ x }}{% endfor %}{% for s in list %}{{ s }}{% endfor %}{{ s }}",
            "{% set p = obj.items.0 %}{{ p.name }}{% set list = 'shadow' %}{{ list }}",
            // Arrays of literals are folded into one value when lowered.
            "{% for x in ['a', 1, true] %}{{ x }}{% if x in ['a', true] %}!{% endif %}{% endfor %}{{ ['p', 'q'] }}",
            "{% set l = ['a.b', s] %}{{ l }}{% if s in ['a.b'] %}in{% endif %}{% if 'z' not in ['a'] %}out{% endif %}",
        ] {
            same(source, context());
        }
    }

    #[test]
    fn macros_match_tera() {
        let macros = "{% macro greet(who, punct='!') %}{{ who }}{{ punct }}{{ s }}{% if inner %}{{ inner }}{% endif %}{% endmacro greet %}\
                      {% macro twice(x) %}{{ self::greet(who=x) }}{{ self::greet(who=x, punct='?') }}{% endmacro twice %}";
        for source in [
            "{% import 'm.tera' as m %}{{ m::greet(who='a') }}|{{ m::twice(x=s) }}",
            "{% import 'm.tera' as m %}{% set inner = 'i' %}{% for x in list %}{{ m::greet(who=x, extra=1) }}{% endfor %}",
            "{% import 'm.tera' as m %}{% if m::greet(who='') %}T{% endif %}",
        ] {
            let (lowered, tera) = both(source, macros, context());
            assert_eq!(lowered.as_deref(), Some(tera.unwrap().as_str()), "{source}");
        }
    }

    #[test]
    fn what_tera_fails_on_is_left_to_tera() {
        for source in [
            "{{ missing }}",
            "{{ obj.missing }}",
            "{{ zero | shout }}",
            "{{ s ~ obj }}",
            "{% for x in s %}{{ x }}{% endfor %}",
            "{% if s < 1 %}{% endif %}",
            "{{ 'x' in zero }}",
        ] {
            let (lowered, tera) = both(source, "", context());
            assert_eq!(lowered, None, "{source}");
            if source != "{% for x in s %}{{ x }}{% endfor %}" {
                assert!(tera.is_err(), "{source}");
            }
        }
    }

    #[test]
    fn tags_left_to_tera_are_not_lowered() {
        let mut tera = Tera::default();
        for (name, source) in [
            ("base.tera", "{% block b %}{% endblock b %}"),
            ("child.tera", "{% extends 'base.tera' %}{% block b %}x{% endblock b %}"),
            ("include.tera", "{% include 'base.tera' %}"),
            ("math.tera", "{{ 1 + 2 }}"),
            ("function.tera", "{{ range(end=2) }}"),
            ("break.tera", "{% for x in list %}{% break %}{% endfor %}"),
            ("filter.tera", "{% filter upper %}x{% endfilter %}"),
            ("keyed.tera", "{% for k, v in obj %}{{ k }}{% endfor %}"),
        ] {
            tera.add_raw_template(name, source).unwrap();
            if name != "base.tera" {
                assert!(compile(&tera, name, &FILTERS).is_none(), "{name}");
            }
        }
    }
}
