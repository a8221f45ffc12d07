# socklab_test(test_NAME sources... [GUI])
