export default function f() {}
