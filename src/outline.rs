//! Nesting a table of contents: PDF bookmarks and EPUB navigation both turn a flat list of
//! entries in document order, each with a depth (0 = article title, then heading levels),
//! into a tree with one rule.

/// An entry that can hold nested entries.
pub trait Nested: Sized {
    /// The entries nested under this one.
    fn children_mut(&mut self) -> &mut Vec<Self>;
}

/// Nests `flat` (depth, entry) pairs: each entry goes under the nearest previous entry of
/// smaller depth, or at the top when there is none. A jump of several levels still nests
/// one step (a level-3 heading right after an article title becomes its child).
pub fn nest<T: Nested>(flat: impl IntoIterator<Item = (u8, T)>) -> Vec<T> {
    let mut root: Vec<T> = Vec::new();
    let mut stack: Vec<(u8, T)> = Vec::new();
    fn pop<T: Nested>(stack: &mut Vec<(u8, T)>, root: &mut Vec<T>) {
        let (_, e) = stack.pop().expect("non-empty stack");
        match stack.last_mut() {
            Some((_, parent)) => parent.children_mut().push(e),
            None => root.push(e),
        }
    }
    for (depth, e) in flat {
        while stack.last().is_some_and(|(d, _)| *d >= depth) {
            pop(&mut stack, &mut root);
        }
        stack.push((depth, e));
    }
    while !stack.is_empty() {
        pop(&mut stack, &mut root);
    }
    root
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    struct E(&'static str, Vec<E>);

    impl Nested for E {
        fn children_mut(&mut self) -> &mut Vec<E> {
            &mut self.1
        }
    }

    fn e(t: &'static str) -> E {
        E(t, Vec::new())
    }

    #[test]
    fn each_entry_goes_under_the_previous_shallower_one() {
        let flat = vec![
            (0, e("a")),
            (1, e("b")),
            (2, e("c")),
            (1, e("d")),
            (0, e("f")),
            (2, e("g")),
        ];
        let tree = nest(flat);
        assert_eq!(
            tree,
            vec![
                E("a", vec![E("b", vec![e("c")]), e("d")]),
                E("f", vec![e("g")]),
            ]
        );
    }

    #[test]
    fn a_shallower_entry_after_a_deeper_start_stays_at_the_top() {
        let tree = nest(vec![(2, e("x")), (1, e("y")), (3, e("z"))]);
        assert_eq!(tree, vec![e("x"), E("y", vec![e("z")])]);
    }
}
