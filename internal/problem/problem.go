// Package problem forwards to availability/problem while the packages move
// to it; it goes away once none imports it.
package problem

import "github.com/practicekit/boundaries/availability/problem"

// Code is problem.Code.
type Code = problem.Code

// Problem is problem.Problem.
type Problem = problem.Problem

// List is problem.List.
type List = problem.List

// ErrInvalid is problem.ErrInvalid.
var ErrInvalid = problem.ErrInvalid

// Join is problem.Join.
func Join(parent, child string) string { return problem.Join(parent, child) }

// Index is problem.Index.
func Index(path string, i int) string { return problem.Index(path, i) }
