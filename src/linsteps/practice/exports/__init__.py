"""Quizzes for learning platforms: a worksheet as Moodle XML, GIFT, IMS QTI 2.1 or Canvas QTI 1.2.

:mod:`.questions` turns a sheet into neutral questions (text, blanks, accepted answers, the wrong
answers the checker names with its sentences, the worked solution); one module per format
writes them (:mod:`.moodle`, :mod:`.gift`, :mod:`.qti`, :mod:`.canvas`); :mod:`.run` writes a
whole request, rosters included.
"""
